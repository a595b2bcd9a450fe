import "@/server/server-only";
import { cookies } from "next/headers";
import { isChallengeLive } from "../db/sign-in-challenge-store";
import { secrets } from "../secrets";
import { MAX_CODE_ATTEMPTS } from "./complete-sign-in";
import { currentAuthCookies } from "./current-session";
import { csrfTokenFromCookie } from "./csrf-token";

/**
 * For the code page: whether this browser has a sign-in waiting for its code, and the CSRF
 * token its form must carry. Reads only; attempts are counted when a code is posted.
 */
export async function pendingSignIn(now: Date): Promise<{ csrfToken: string } | undefined> {
  const jar = await cookies();
  const names = currentAuthCookies();
  const challengeId = jar.get(names.challenge.name)?.value;
  const csrfToken = csrfTokenFromCookie(jar.get(names.csrfToken.name)?.value, secrets().authSecret);
  if (!challengeId || !csrfToken) return undefined;
  return (await isChallengeLive(challengeId, now, MAX_CODE_ATTEMPTS)) ? { csrfToken } : undefined;
}
