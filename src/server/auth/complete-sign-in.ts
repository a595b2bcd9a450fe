import "server-only";
import { findAccountById, readSecondFactor, consumeTotpStep } from "../db/account-store";
import { consumeChallenge, takeChallengeAttempt } from "../db/sign-in-challenge-store";
import { openSession } from "./open-session";
import { checkTotp } from "./totp";

/** Codes a challenge accepts before the sign-in must start again. */
export const MAX_CODE_ATTEMPTS = 5;

/**
 * Step 2 of sign-in: the TOTP code for a challenge. The code is checked against the account of
 * that challenge only (a code cannot finish someone else's sign-in), is usable once (the
 * account's last used step only moves forward), and the challenge is consumed. Success opens
 * a new server session, whatever session the browser had before (no fixation).
 */
export type CompleteSignInInput = {
  challengeId: string;
  code: string;
  now: Date;
  userAgent: string | null;
  /** The session the browser held before, if any: ended, since a new one replaces it. */
  previousSessionId?: string;
};

export type CompleteSignInResult =
  | { ok: true; sessionId: string; accountId: string }
  | { ok: false; reason: "challenge" | "code" };

export async function completeSignIn(input: CompleteSignInInput): Promise<CompleteSignInResult> {
  const challenge = await takeChallengeAttempt(input.challengeId, input.now, MAX_CODE_ATTEMPTS);
  if (!challenge) return { ok: false, reason: "challenge" };
  const factor = await readSecondFactor(challenge.accountId);
  if (!factor || factor.disabled) return { ok: false, reason: "challenge" };

  const check = checkTotp({ secretBase32: factor.secretBase32, token: input.code, now: input.now, lastUsedStep: factor.lastUsedStep });
  if (!check.ok) return { ok: false, reason: "code" };
  if (!(await consumeTotpStep(challenge.accountId, check.step))) return { ok: false, reason: "code" };
  if (!(await consumeChallenge(input.challengeId, input.now))) return { ok: false, reason: "challenge" };

  const account = await findAccountById(challenge.accountId);
  if (!account || account.disabled) return { ok: false, reason: "challenge" };
  const sessionId = await openSession({
    account,
    now: input.now,
    userAgent: input.userAgent,
    previousSessionId: input.previousSessionId,
  });
  return { ok: true, sessionId, accountId: account.id };
}
