import "@/server/server-only";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { checkSession, type CurrentSession } from "./check-session";
import { currentAuthCookies, sessionIdFromToken } from "./session-token";

export { currentAuthCookies };

/**
 * The session of the current request, checked against its server row every time (pages,
 * layouts, server actions and route handlers each call this; the proxy never decides).
 * Memoised per request so a page and its layout read the row once.
 */

/** The server session id carried by next-auth's JWT, if the cookie is there and genuine. */
export async function sessionIdFromCookies(): Promise<string | undefined> {
  return sessionIdFromToken((await cookies()).get(currentAuthCookies().sessionToken.name)?.value);
}

/**
 * Clears the sign-in's cookies (the session's token, the challenge, next-auth's CSRF token and
 * callback): at sign-out, and once « Clôturer mon espace » has ended every session of the account.
 */
export async function clearAuthCookies(): Promise<void> {
  const jar = await cookies();
  const names = currentAuthCookies();
  for (const cookie of [names.sessionToken, names.challenge, names.csrfToken, names.callbackUrl]) {
    jar.delete({ name: cookie.name, path: cookie.options.path, secure: cookie.options.secure, httpOnly: true, sameSite: "lax" });
  }
}

export const getCurrentSession = cache(async (): Promise<CurrentSession | undefined> => {
  const sessionId = await sessionIdFromCookies();
  return sessionId ? checkSession(sessionId, new Date()) : undefined;
});

/** For pages and server actions: the session, or off to the sign-in page. */
export async function requireSession(): Promise<CurrentSession> {
  const session = await getCurrentSession();
  if (!session) redirect("/connexion");
  return session;
}
