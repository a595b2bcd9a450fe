import "@/server/server-only";
import { isChallengeLive } from "../db/sign-in-challenge-store";
import { secrets } from "../secrets";
import { requestCookie } from "../http/request-cookie";
import { MAX_CODE_ATTEMPTS } from "./complete-sign-in";
import { csrfTokenFromCookie } from "./csrf-token";
import { currentAuthCookies } from "./session-token";

/**
 * For the code pages (the app's code, a recovery code): whether this browser has a sign-in
 * waiting for its code, and the CSRF token its form must carry. Reads only; attempts are
 * counted when a code is posted. From the request's Cookie header: these pages are served by
 * the Pages Router, where `cookies()` does not exist.
 */
export async function pendingSignIn(cookieHeader: string | null, now: Date): Promise<{ csrfToken: string } | undefined> {
  const names = currentAuthCookies();
  const challengeId = requestCookie(cookieHeader, names.challenge.name);
  // next-auth writes « token|hash » URL-encoded; cookies() decoded it, so this does.
  const csrfToken = csrfTokenFromCookie(requestCookie(cookieHeader, names.csrfToken.name), secrets().authSecret);
  if (!challengeId || !csrfToken) return undefined;
  return (await isChallengeLive(challengeId, now, MAX_CODE_ATTEMPTS)) ? { csrfToken } : undefined;
}
