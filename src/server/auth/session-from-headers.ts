import "@/server/server-only";
import { cookieFrom } from "../sharing/share-result-cookie";
import { checkSession, type CurrentSession } from "./check-session";
import { currentAuthCookies, sessionIdFromToken } from "./session-token";

/**
 * The session of a request read from its own headers, checked against its server row as
 * getCurrentSession does: for the code that answers outside Next's request scope, where
 * `cookies()` does not exist (the API server, the Pages Router's getServerSideProps).
 * `unread`: with the header's unread count, in the same statement (a page's frame shows it).
 * `beside`: started once the cookie is found authentic, while the session's row is read.
 */
export async function sessionFromHeaders(
  headers: Headers,
  now = new Date(),
  options: { unread?: boolean; beside?: () => void } = {},
): Promise<CurrentSession | undefined> {
  const token = cookieFrom(headers.get("cookie"), currentAuthCookies().sessionToken.name);
  const sessionId = await sessionIdFromToken(token);
  if (!sessionId) return undefined;
  // `beside`: a read the page will need once the session holds, started with the session's own
  // statement rather than after it; only for a cookie the server itself issued (its token verified).
  options.beside?.();
  return checkSession(sessionId, now, options);
}
