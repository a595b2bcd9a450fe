import "@/server/server-only";
import { cookies } from "next/headers";
import { accountForEnrolment } from "../db/account-enrolment-store";
import { liveChallengeAccount } from "../db/sign-in-challenge-store";
import { currentAuthCookies } from "../auth/session-token";

/**
 * The activation this browser has under way: its cookie names a live activation challenge
 * (code and birth date already proven), whose account is not yet activated.
 */
export async function currentActivation(now: Date) {
  const challengeId = (await cookies()).get(currentAuthCookies().activation.name)?.value;
  if (!challengeId) return undefined;
  const accountId = await liveChallengeAccount(challengeId, now, "activation");
  if (!accountId) return undefined;
  const account = await accountForEnrolment(accountId);
  if (!account || account.activatedAt) return undefined;
  return { challengeId, account };
}
