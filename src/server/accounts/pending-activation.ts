import "@/server/server-only";
import { accountForEnrolment } from "../db/account-enrolment-store";
import { liveChallengeAccount } from "../db/sign-in-challenge-store";
import { currentAuthCookies } from "../auth/session-token";
import { requestCookie } from "../http/request-cookie";

/**
 * The activation a browser has under way: its cookie names a live activation challenge (code
 * and birth date already proven), whose account is not yet activated. The one rule for the
 * route handlers (activation-session.ts, with `cookies()`) and the Pages Router's activation
 * pages (from the request's Cookie header, decoded as `cookies()` does).
 */
export async function activationOfChallenge(challengeId: string | undefined, now: Date) {
  if (!challengeId) return undefined;
  const accountId = await liveChallengeAccount(challengeId, now, "activation");
  if (!accountId) return undefined;
  const account = await accountForEnrolment(accountId);
  if (!account || account.activatedAt) return undefined;
  return { challengeId, account };
}

export type Activation = NonNullable<Awaited<ReturnType<typeof activationOfChallenge>>>;

/** The activation under way in the browser whose Cookie header this is (a Pages Router page). */
export function pendingActivation(cookieHeader: string | null, now: Date): Promise<Activation | undefined> {
  return activationOfChallenge(requestCookie(cookieHeader, currentAuthCookies().activation.name), now);
}
