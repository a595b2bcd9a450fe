import type { Resource } from "@medplum/fhirtypes";
import { FhirError } from "../fhir/errors";
import { ReadLimited } from "../fhir/read-limit";
import { MessagesLimited } from "../fhir/message-rate-limit";

/**
 * Every answer of the API: `application/fhir+json`, never cached (personal data), and on
 * error always an OperationOutcome. A 404 has one body and one set of headers whatever the
 * reason, so an id that exists for someone else reads exactly like one that never existed.
 */
export const FHIR_JSON = "application/fhir+json; charset=utf-8";

// The CSP of data, not of a page: said here too because the proxy leaves Binary paths alone (src/proxy.ts).
const BASE_HEADERS = {
  "content-type": FHIR_JSON,
  "cache-control": "no-store",
  "x-content-type-options": "nosniff",
  "content-security-policy": "default-src 'none'; frame-ancestors 'none'",
} as const;

export function fhirJson(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return fhirJsonText(JSON.stringify(body), status, headers);
}

/** An answer whose FHIR JSON is already written (a searchset around stored resources). */
export function fhirJsonText(text: string, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(text, { status, headers: { ...BASE_HEADERS, ...headers } });
}

export function noContent(): Response {
  return new Response(null, { status: 204, headers: { "cache-control": "no-store" } });
}

/** ETag and Last-Modified of a stored version. */
export function versionHeaders(resource: Resource): Record<string, string> {
  const headers: Record<string, string> = {};
  if (resource.meta?.versionId) headers.etag = `W/"${resource.meta.versionId}"`;
  const updated = resource.meta?.lastUpdated ? new Date(resource.meta.lastUpdated) : undefined;
  if (updated && !Number.isNaN(updated.getTime())) headers["last-modified"] = updated.toUTCString();
  return headers;
}

export function resourceResponse(resource: Resource, status = 200, extra: Record<string, string> = {}): Response {
  return fhirJson(resource, status, { ...versionHeaders(resource), ...extra });
}

export function errorResponse(error: FhirError, extra: Record<string, string> = {}): Response {
  const retry: Record<string, string> = error instanceof ReadLimited || error instanceof MessagesLimited ? { "retry-after": String(error.retryAfterSeconds) } : {};
  return fhirJson(error.toOperationOutcome(), error.status, { ...retry, ...extra });
}

export const unauthenticated = () => new FhirError(401, "login", "Authentification requise");

export function unauthenticatedResponse(): Response {
  return errorResponse(unauthenticated(), { "www-authenticate": 'Bearer realm="espace-sante"' });
}

export const methodNotAllowed = () => new FhirError(405, "not-supported", "Interaction non prise en charge pour cette ressource.");

export const crossSiteRefused = () => new FhirError(403, "security", "Requête intersite refusée.");

export const uriTooLong = () => new FhirError(414, "too-costly", "L'adresse de la requête est trop longue.");

export const unsupportedType = () => new FhirError(404, "not-supported", "Type de ressource non pris en charge.");

/**
 * The answer to anything thrown: a FhirError as it says, anything else a bare 500. The error
 * goes to the server log (for the operators); the client learns nothing of it.
 */
export function toResponse(error: unknown): Response {
  if (error instanceof FhirError) return errorResponse(error);
  console.error("FHIR API: unexpected error", error);
  return errorResponse(new FhirError(500, "exception", "Erreur interne du serveur."));
}
