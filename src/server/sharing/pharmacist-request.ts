import "@/server/server-only";
import { env } from "../env";
import { isUuid } from "../fhir/repository";
import { clientAddress, userAgentOf } from "../http/client-address";
import { linkCookie, openLinkSession } from "./link-session";
import { linkScope, type LinkScope } from "./link-scope";
import { cookieFrom } from "./share-result-cookie";

/**
 * What the pharmacist's pages and route handlers read from a request: the session cookie of
 * the link (scoped to /p/<link id>) and where the request comes from. Taken from the request's
 * headers, so the route handlers are plain functions of a Request.
 */
export function pharmacistCookie(linkId: string) {
  return linkCookie(linkId, env().APP_ENV === "production");
}

export function requestOrigin(headers: Headers) {
  return { address: clientAddress(headers), userAgent: userAgentOf(headers) ?? undefined };
}

export function sessionToken(headers: Headers, linkId: string): string | undefined {
  return cookieFrom(headers.get("cookie"), pharmacistCookie(linkId).name);
}

/** The link's scope for this request, or undefined (no session, session over, link dead). */
export async function pharmacistScope(linkId: string, headers: Headers, now: Date): Promise<LinkScope | undefined> {
  if (!isUuid(linkId)) return undefined;
  return linkScope(linkId.toLowerCase(), sessionToken(headers, linkId), requestOrigin(headers), now);
}

/** Whether the request carries a session of this link that has not timed out (the link may be dead). */
export function hasLiveSession(linkId: string, headers: Headers, now: Date): boolean {
  return isUuid(linkId) && openLinkSession(linkId.toLowerCase(), sessionToken(headers, linkId), now) !== undefined;
}

export function linkPath(linkId: string, rest = ""): `/${string}` {
  return `/p/${linkId.toLowerCase()}${rest}`;
}
