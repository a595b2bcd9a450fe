import type { Bundle, OperationOutcome, Resource } from "@medplum/fhirtypes";
import { encode } from "next-auth/jwt";
import { DELETE, GET, HEAD, PATCH, POST, PUT } from "@/app/api/fhir/R4/[[...path]]/route";
import { authCookies } from "@/server/auth/cookie-names";
import { checkSession } from "@/server/auth/check-session";
import { openSession } from "@/server/auth/open-session";
import { switchSpace } from "@/server/auth/switch-space";
import { createAccount, type AccountSummary } from "@/server/db/account-store";
import { env } from "@/server/env";
import { validateForWrite } from "@/server/fhir/validate";
import { secrets } from "@/server/secrets";
import { newId } from "@/lib/fhir/builders/ids";
import { aPatient } from "@/lib/fhir/builders/people";
import { inRequestScope } from "../../setup/next-headers-scope";

/**
 * Calls the FHIR API the way a browser or client would: a real Request on the app's URL,
 * carrying the session cookie next-auth would have set (a JWT holding the server session id),
 * handed to the exported route handlers with the path segments Next would give them.
 * `next/headers` is the stand-in of tests/setup/next-headers-scope.ts (see there why).
 */
const HANDLERS = { GET, HEAD, POST, PUT, DELETE, PATCH } as const;
export type Method = keyof typeof HANDLERS;

export const FHIR_BASE_PATH = "/api/fhir/R4";

export function appUrl(): string {
  return env().APP_URL.replace(/\/+$/, "");
}

export type CallOptions = {
  cookie?: string;
  body?: unknown;
  /** A raw body (string or bytes), sent as is. */
  rawBody?: string | Uint8Array;
  headers?: Record<string, string>;
};

export type Answer = { status: number; headers: Headers; text: string; json: () => unknown };

/** `path` is what follows /api/fhir/R4/ (e.g. "DocumentReference?patient=…"). */
export async function fhir(method: Method, path: string, options: CallOptions = {}): Promise<Answer> {
  const url = `${appUrl()}${FHIR_BASE_PATH}/${path.replace(/^\/+/, "")}`;
  const headers = new Headers(options.headers);
  if (options.cookie) headers.set("cookie", options.cookie);
  let body: BodyInit | undefined;
  if (options.rawBody !== undefined) body = typeof options.rawBody === "string" ? options.rawBody : new Blob([new Uint8Array(options.rawBody)]);
  else if (options.body !== undefined) body = JSON.stringify(options.body);
  if (body !== undefined && !headers.has("content-type")) headers.set("content-type", "application/fhir+json");
  const request = new Request(url, { method, headers, body });
  const segments = segmentsOf(new URL(request.url).pathname);
  const response = await inRequestScope(request, () => HANDLERS[method](request, { params: Promise.resolve({ path: segments }) }));
  const text = await response.text();
  return { status: response.status, headers: response.headers, text, json: () => JSON.parse(text) as unknown };
}

/** What Next hands a `[[...path]]` route: the decoded segments after the route's base. */
function segmentsOf(pathname: string): string[] | undefined {
  const rest = pathname.slice(FHIR_BASE_PATH.length).replace(/^\/+/, "");
  if (rest === "") return undefined;
  return rest.split("/").map((segment) => {
    try {
      return decodeURIComponent(segment);
    } catch {
      return segment;
    }
  });
}

export const bundleOf = (answer: Answer) => answer.json() as Bundle;
export const resourceOf = <T extends Resource>(answer: Answer) => answer.json() as T;
export const outcomeOf = (answer: Answer) => answer.json() as OperationOutcome;

export function idsOf(answer: Answer): string[] {
  return (bundleOf(answer).entry ?? []).map((entry) => entry.resource?.id ?? "");
}

/** A FHIR error answer: the status asked, FHIR JSON, and an OperationOutcome with an error issue. */
export function isOutcome(answer: Answer): boolean {
  if (!answer.headers.get("content-type")?.startsWith("application/fhir+json")) return false;
  try {
    const body = answer.json() as OperationOutcome;
    return body.resourceType === "OperationOutcome" && (body.issue ?? []).some((issue) => issue.severity === "error" || issue.severity === "fatal");
  } catch {
    return false;
  }
}

/** The cookie a browser holds after signing in: next-auth's JWT carrying the server session id. */
export async function sessionCookie(sessionId: string): Promise<string> {
  const token = await encode({ token: { sid: sessionId }, secret: secrets().authSecret });
  return `${authCookies(env().APP_ENV === "production").sessionToken.name}=${token}`;
}

export type SignedIn = { accountId: string; sessionId: string; cookie: string };

/** An account for a Patient or Practitioner resource. */
export async function anAccountFor(fhirRef: string, name = "Personne de test"): Promise<AccountSummary> {
  return createAccount({
    email: `fhir-api-${newId()}@example.org`,
    password: "Sante-Demo-2026!",
    totpSecret: "FHIRAPITESTTOTPS",
    kind: fhirRef.startsWith("Practitioner/") ? "practitioner" : "patient",
    fhirRef,
    displayName: name,
  });
}

/** A signed-in session of the account, switched to another patient's space if asked (as the space switcher does). */
export async function sessionOf(account: AccountSummary, space?: string): Promise<SignedIn> {
  const sessionId = await openSession({ account, openedWith: { method: "password" }, now: new Date(), userAgent: "vitest" });
  if (space) {
    const session = await checkSession(sessionId, new Date());
    if (!session || !(await switchSpace(session, space, new Date()))) throw new Error(`cannot switch to ${space}`);
  }
  return { accountId: account.id, sessionId, cookie: await sessionCookie(sessionId) };
}

export async function signIn(fhirRef: string, options: { space?: string; name?: string } = {}): Promise<SignedIn> {
  return sessionOf(await anAccountFor(fhirRef, options.name), options.space);
}

/** Headers of a same-site write from the portal's own pages. */
export function sameOrigin(extra: Record<string, string> = {}): Record<string, string> {
  return { origin: appUrl(), ...extra };
}

/**
 * Indexes the FHIR definitions once, before any write. The repository does it lazily on the
 * first write, inside that write's transaction, where on a busy machine it can outlast Prisma's
 * 5-second interactive-transaction timeout (seen on PostgreSQL).
 */
export function warmUpValidator(): void {
  validateForWrite(aPatient());
}
