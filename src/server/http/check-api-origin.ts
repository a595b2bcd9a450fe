import { checkOrigin, type OriginCheck } from "./check-origin";

/**
 * Cross-site refusal for the JSON APIs' state-changing requests (POST, PUT, DELETE…).
 *
 * A foreign Origin, or a Fetch Metadata header saying another site, is always refused (the
 * same rule as checkOrigin for forms). A request with no Origin at all is what API clients
 * that are not browsers send (curl, scripts, the benchmark); browsers always send Origin on
 * these methods. It is accepted only when a browser could not have sent it cross-site without
 * a CORS preflight, which this app never grants: a method other than POST, or a JSON media
 * type (neither is "CORS-safelisted", so a page elsewhere cannot send it silently).
 */
const SAFELISTED_METHODS = new Set(["GET", "HEAD", "POST"]);
const PREFLIGHTED_TYPES = new Set(["application/fhir+json", "application/json"]);

export function checkApiOrigin(request: Request, appUrl: string): OriginCheck {
  const check = checkOrigin(request.headers, appUrl);
  if (check.ok || check.reason === "foreign") return check;
  // "missing" also covers `Origin: null` (sandboxed frames, cross-site redirects): the same
  // preflight rule applies to them.
  if (!SAFELISTED_METHODS.has(request.method.toUpperCase())) return { ok: true };
  const mediaType = request.headers.get("content-type")?.split(";")[0]?.trim().toLowerCase();
  if (mediaType && PREFLIGHTED_TYPES.has(mediaType)) return { ok: true };
  return check;
}
