import { webauthnLibrary } from "@/server/webauthn/browser-library";

/**
 * SimpleWebAuthn's browser bundle for the passkey buttons (src/server/webauthn/browser-library.ts
 * says why it is served from here). Public, no personal data: the same file for everyone, kept
 * by the browser for a year when asked for by its hash (a page always asks by its hash).
 */
export function GET(request: Request): Response {
  const { body, hash } = webauthnLibrary();
  const asked = new URL(request.url).searchParams.get("v");
  return new Response(body, {
    headers: {
      "Content-Type": "text/javascript; charset=utf-8",
      "Cache-Control": asked === hash ? "public, max-age=31536000, immutable" : "no-cache",
      ETag: `"${hash}"`,
      "X-Content-Type-Options": "nosniff",
    },
  });
}
