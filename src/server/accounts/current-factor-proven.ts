import "@/server/server-only";
import { RECENT_SECOND_FACTOR_MS } from "../auth/session-policy";
import { spendRecentSecondFactor } from "../db/session-store";
import { checkSecondFactor, type AccountChange } from "./check-second-factor";

/**
 * Whether the person making a change in « Mon compte » has just proved the account's second
 * factor: an open session is not enough (a computer left signed in, a stolen cookie).
 *
 * Either a code of the current app, or a recovery code, is typed now (and checked, right or
 * wrong), or, with nothing typed, this very session proved it at sign-in within the last minutes
 * (RECENT_SECOND_FACTOR_MS; only the server's session row says so, and that proof serves one
 * change). Nothing typed is no wrong code: it is neither
 * recorded as refused nor counted against the cap; the person is asked for the code.
 */
export type CurrentFactorProof = true | "factor" | "factor-missing";

export async function currentFactorProven(
  accountId: string,
  now: Date,
  change: AccountChange,
  trail: { address?: string; userAgent?: string | null; sessionId?: string; currentFactor?: string },
): Promise<CurrentFactorProof> {
  // A code typed is checked, even where the sign-in's proof would do: a wrong one accepted
  // without a word (found by an exploratory test) told the person nothing of a mistyped code,
  // and let whoever holds a fresh session try codes at no cost.
  const currentFactor = (trail.currentFactor ?? "").trim();
  if (currentFactor) return (await checkSecondFactor(accountId, currentFactor, now, change, { address: trail.address, userAgent: trail.userAgent })) || "factor";
  const since = new Date(now.getTime() - RECENT_SECOND_FACTOR_MS);
  if (trail.sessionId && (await spendRecentSecondFactor(trail.sessionId, accountId, since, now))) return true;
  return "factor-missing";
}
