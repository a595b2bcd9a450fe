import type { IncomingMessage, ServerResponse } from "node:http";
import { PAGE_HEADERS_APPLIED, pageSecurityHeaders } from "./security-headers";

/**
 * The paths that get the page headers: the proxy's matcher (src/proxy.ts, which Next needs as a
 * literal there; tests/unit/http/page-headers.test.ts checks that both are the same pattern).
 */
export const PAGE_HEADERS_SOURCE =
  "/((?!_next/static|_next/image|favicon.ico|icon.svg|robots.txt|js/simplewebauthn.js|api/documents/?$|api/messages/?$|api/documents/[^/]+/file|api/fhir/R4/Binary/).*)";
const PAGE_HEADERS_PATHS = new RegExp(`^${PAGE_HEADERS_SOURCE}$`);

/**
 * What the proxy did, done by the portal's server before Next sees the request: the nonce and
 * policy on the request (Next reads the nonce from there for its scripts), the security headers
 * on the response, and the mark that tells Next to skip the proxy. Next's own headers (its
 * Cache-Control on pages, next.config.ts's headers) still apply after these.
 */
export function applyPageHeaders(
  req: IncomingMessage,
  res: ServerResponse,
  pathname: string | undefined,
  options: { production: boolean; oidcIssuer?: string },
) {
  // A client's own mark is never trusted: only this server sets it.
  delete req.headers[PAGE_HEADERS_APPLIED];
  // No path (a request line Next answers 400 to itself) or one the proxy leaves alone.
  if (pathname === undefined || !PAGE_HEADERS_PATHS.test(pathname)) return;
  const headers = pageSecurityHeaders(pathname, { ...options, dev: false });
  req.headers["content-security-policy"] = headers.csp;
  req.headers["x-nonce"] = headers.nonce;
  req.headers[PAGE_HEADERS_APPLIED] = "1";
  for (const [key, value] of Object.entries(headers.response)) res.setHeader(key, value);
}
