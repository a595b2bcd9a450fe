import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

/**
 * next-auth's double-submit CSRF token: the cookie holds "token|sha256(token + secret)" and a
 * POST to its endpoints must carry the same token in the body. next-auth only sets that cookie
 * from its own JSON endpoint, which a page without JavaScript never calls; the password step
 * (a server action, which may set cookies) issues it instead, in next-auth's own format, so the
 * code page can be a plain HTML form posting to next-auth. The end-to-end test proves next-auth
 * accepts it.
 */
function hashOf(token: string, secret: string): string {
  return createHash("sha256").update(`${token}${secret}`).digest("hex");
}

export function newCsrfToken(secret: string): { token: string; cookieValue: string } {
  const token = randomBytes(32).toString("hex");
  return { token, cookieValue: `${token}|${hashOf(token, secret)}` };
}

/** The token of a cookie we issued, or undefined when the cookie is missing or forged. */
export function csrfTokenFromCookie(cookieValue: string | undefined, secret: string): string | undefined {
  const [token, hash] = cookieValue?.split("|") ?? [];
  if (!token || !hash) return undefined;
  const expected = Buffer.from(hashOf(token, secret));
  const given = Buffer.from(hash);
  return given.length === expected.length && timingSafeEqual(given, expected) ? token : undefined;
}
