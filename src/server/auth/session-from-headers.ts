import "@/server/server-only";
import { cookieFrom } from "../sharing/share-result-cookie";
import { checkSession, type CurrentSession } from "./check-session";
import { currentAuthCookies, sessionIdFromToken } from "./session-token";

/**
 * The session of a request read from its own headers, checked against its server row as
 * getCurrentSession does: for the code that answers outside Next's request scope, where
 * `cookies()` does not exist (the API server, the Pages Router's getServerSideProps).
 * `unread`: with the header's unread count, in the same statement (a page's frame shows it).
 */
export async function sessionFromHeaders(headers: Headers, now = new Date(), options: { unread?: boolean } = {}): Promise<CurrentSession | undefined> {
  const sessionId = await sessionIdFromHeaders(headers);
  return sessionId ? checkSession(sessionId, now, options) : undefined;
}

/**
 * The server session id a request's cookie names, if the cookie is one the server issued (its
 * token verified), before the session's row is read: a page may start a read it will need
 * beside that row (page-scope.ts).
 */
export async function sessionIdFromHeaders(headers: Headers): Promise<string | undefined> {
  return sessionIdFromToken(cookieFrom(headers.get("cookie"), currentAuthCookies().sessionToken.name));
}
