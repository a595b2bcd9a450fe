import "server-only";
import { decode } from "next-auth/jwt";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { env } from "../env";
import { secrets } from "../secrets";
import { checkSession, type CurrentSession } from "./check-session";
import { authCookies } from "./cookie-names";

/**
 * The session of the current request, checked against its server row every time (pages,
 * layouts, server actions and route handlers each call this; the proxy never decides).
 * Memoised per request so a page and its layout read the row once.
 */
export function currentAuthCookies() {
  return authCookies(env().APP_ENV === "production");
}

/** The server session id carried by next-auth's JWT, if the cookie is there and genuine. */
export async function sessionIdFromCookies(): Promise<string | undefined> {
  const token = (await cookies()).get(currentAuthCookies().sessionToken.name)?.value;
  if (!token) return undefined;
  try {
    const payload = await decode({ token, secret: secrets().authSecret });
    return typeof payload?.sid === "string" ? payload.sid : undefined;
  } catch {
    return undefined;
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
