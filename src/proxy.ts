import { NextResponse, type NextRequest } from "next/server";
import {
  contentSecurityPolicy,
  newNonce,
  originOf,
  referrerPolicyFor,
  staticSecurityHeaders,
  transportSecurityHeaders,
} from "./server/http/security-headers";

/**
 * Security headers with a fresh CSP nonce on every dynamic response. Next reads the nonce from
 * the request's Content-Security-Policy header and puts it on its scripts.
 *
 * This proxy decides nothing about access: it can be skipped (a matcher change, a crafted
 * header), so every page, action and route checks the session itself.
 */
export function proxy(request: NextRequest) {
  const nonce = newNonce();
  const production = process.env.APP_ENV === "production";
  const oidcOrigin = originOf(process.env.OIDC_ISSUER);
  const csp = contentSecurityPolicy({
    nonce,
    dev: process.env.NODE_ENV === "development",
    production,
    formActionOrigins: oidcOrigin ? [oidcOrigin] : [],
  });

  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("content-security-policy", csp);
  requestHeaders.set("x-nonce", nonce);
  const response = NextResponse.next({ request: { headers: requestHeaders } });

  response.headers.set("Content-Security-Policy", csp);
  for (const [key, value] of Object.entries({ ...staticSecurityHeaders(), ...transportSecurityHeaders(production) })) {
    response.headers.set(key, value);
  }
  response.headers.set("Referrer-Policy", referrerPolicyFor(request.nextUrl.pathname));
  // Pages show personal data: never stored by the browser or a shared cache.
  response.headers.set("Cache-Control", "no-store, max-age=0");
  return response;
}

export const config = {
  matcher: [
    // Everything but the build's static files (immutable, no personal data; next.config.ts
    // still gives them the static security headers) and stored files, whose route sets its own
    // stricter CSP, framing and cache headers (src/server/documents/file-response.ts), which the
    // page headers set here would replace; the same for the FHIR API's Binary, which serves those
    // files too; and the upload route (/api/documents, JSON or a redirect, no page): Next hands
    // the proxy a copy of the request body that it buffers in memory and silently cuts at 10 MB,
    // so a 20 MB upload arrived short. Outside the matcher the body streams to the route, which
    // counts it (src/server/http/read-capped-body.ts). The messages' post (/api/messages) carries
    // an attached file the same way.
    "/((?!_next/static|_next/image|favicon.ico|icon.svg|robots.txt|api/documents/?$|api/messages/?$|api/documents/[^/]+/file|api/fhir/R4/Binary/).*)",
  ],
};
