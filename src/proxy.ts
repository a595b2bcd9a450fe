import { NextResponse, type NextRequest } from "next/server";
import { pageSecurityHeaders } from "./server/http/security-headers";

/**
 * Security headers with a fresh CSP nonce on every dynamic response. Next reads the nonce from
 * the request's Content-Security-Policy header and puts it on its scripts.
 *
 * In production the portal's server (src/server/portal-server.ts, http/page-headers.ts) sets
 * the same headers itself, with the same function, and marks the request so that this proxy
 * does not run again (the `missing` condition below): it runs under `next dev`, and for any
 * request that reached Next without the portal's server.
 *
 * This proxy decides nothing about access: it can be skipped (a matcher change, a crafted
 * header), so every page, action and route checks the session itself.
 */
export function proxy(request: NextRequest) {
  const headers = pageSecurityHeaders(request.nextUrl.pathname, {
    production: process.env.APP_ENV === "production",
    dev: process.env.NODE_ENV === "development",
    oidcIssuer: process.env.OIDC_ISSUER,
  });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("content-security-policy", headers.csp);
  requestHeaders.set("x-nonce", headers.nonce);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  for (const [key, value] of Object.entries(headers.response)) response.headers.set(key, value);
  return response;
}

export const config = {
  matcher: [
    {
      // Everything but the build's static files and SimpleWebAuthn's browser file (immutable, no
      // personal data, kept by the browser: the pages' no-store would forbid it; next.config.ts
      // still gives them the static security headers) and stored files, whose route sets its own
      // stricter CSP, framing and cache headers (src/server/documents/file-response.ts), which the
      // page headers set here would replace; the same for the FHIR API's Binary, which serves those
      // files too; and the upload route (/api/documents, JSON or a redirect, no page): Next hands
      // the proxy a copy of the request body that it buffers in memory and silently cuts at 10 MB,
      // so a 20 MB upload arrived short. Outside the matcher the body streams to the route, which
      // counts it (src/server/http/read-capped-body.ts). The messages' post (/api/messages) carries
      // an attached file the same way. The portal's server uses the same pattern (page-headers.ts).
      source: "/((?!_next/static|_next/image|favicon.ico|icon.svg|robots.txt|js/simplewebauthn.js|api/documents/?$|api/messages/?$|api/documents/[^/]+/file|api/fhir/R4/Binary/).*)",
      missing: [{ type: "header", key: "x-espace-page-headers" }],
    },
  ],
};
