import "@/server/server-only";
import { recordAccountEvent } from "../db/account-event-store";
import { findAccountById, readSecondFactor, consumeTotpStep } from "../db/account-store";
import { spendRecoveryCode } from "../db/recovery-code-store";
import { consumeChallenge, takeChallengeAttempt } from "../db/sign-in-challenge-store";
import { WayInRemoved } from "./hold-way-in";
import { openSession } from "./open-session";
import { isPaused, takeCodeSlot } from "./second-factor-guard";
import { checkTotp } from "./totp";

/** Codes a challenge accepts before the sign-in must start again. */
export const MAX_CODE_ATTEMPTS = 5;

/**
 * Step 2 of sign-in: the TOTP code (or, phone lost, a recovery code) for a challenge. The code is
 * checked against the account of that challenge only (a code cannot finish someone else's
 * sign-in), is usable once (the account's last used step only moves forward; a recovery code is
 * spent), and the challenge is consumed. Codes are capped per challenge and per account across
 * challenges (second-factor-guard.ts). Success opens a new server session, whatever session the
 * browser had before (no fixation).
 */
export type CompleteSignInInput = {
  challengeId: string;
  /** The TOTP code, or a recovery code when `kind` says so. */
  code: string;
  kind?: "totp" | "recovery";
  now: Date;
  userAgent: string | null;
  address?: string;
  /** The session the browser held before, if any: ended, since a new one replaces it. */
  previousSessionId?: string;
  /** The genuine device id the browser showed, if any: without one the owner is told of a new browser. */
  deviceId?: string;
};

export type CompleteSignInResult =
  | { ok: true; sessionId: string; accountId: string; usedRecoveryCode: boolean }
  | { ok: false; reason: "challenge" | "code" | "paused" };

export async function completeSignIn(input: CompleteSignInInput): Promise<CompleteSignInResult> {
  const challenge = await takeChallengeAttempt(input.challengeId, input.now, MAX_CODE_ATTEMPTS);
  if (!challenge) return { ok: false, reason: "challenge" };
  const factor = await readSecondFactor(challenge.accountId);
  if (!factor || factor.disabled) return { ok: false, reason: "challenge" };
  if (isPaused(factor.pausedUntil, input.now)) return { ok: false, reason: "paused" };
  const trail = { address: input.address ?? null, userAgent: input.userAgent };
  const recovery = input.kind === "recovery";
  // A wrong recovery code is listed as one (« Code de secours erroné »): the owner who never
  // typed one learns that someone has her password and is trying her codes.
  const slot = await takeCodeSlot(challenge.accountId, input.now, trail, { kind: recovery ? "recovery-code-failed" : "code-failed" });
  if (!slot.allowed) return { ok: false, reason: "paused" };

  const codeOk = recovery ? await spendRecoveryCode(challenge.accountId, input.code, input.now) : await spendTotpCode(challenge.accountId, factor, input.code, input.now);
  await slot.settle(codeOk);
  if (!codeOk) return { ok: false, reason: "code" };
  if (!(await consumeChallenge(input.challengeId, input.now))) return { ok: false, reason: "challenge" };

  const account = await findAccountById(challenge.accountId);
  if (!account || account.disabled) return { ok: false, reason: "challenge" };
  const sessionId = await openSession({
    account,
    now: input.now,
    userAgent: input.userAgent,
    address: input.address,
    previousSessionId: input.previousSessionId,
    browser: { deviceId: input.deviceId },
    recoveryCode: recovery,
    secondFactorAt: input.now,
    // The identity that started it, when one did (oidc-second-factor.ts): removing it closes this session; else the password did.
    openedWith: challenge.oidcRef ? { method: "oidc", identityRef: challenge.oidcRef } : { method: "password" },
  }).catch((error: unknown) => {
    // The identity that started it unlinked meanwhile (hold-way-in.ts): this sign-in is over.
    if (error instanceof WayInRemoved) return undefined;
    throw error;
  });
  if (!sessionId) return { ok: false, reason: "challenge" };
  await recordAccountEvent({ accountId: account.id, kind: recovery ? "recovery-code-used" : "sign-in", at: input.now, ...trail, detail: recovery ? null : "password+totp" });
  return { ok: true, sessionId, accountId: account.id, usedRecoveryCode: recovery };
}

async function spendTotpCode(accountId: string, factor: { secretBase32: string | null; lastUsedStep: number }, code: string, now: Date): Promise<boolean> {
  if (!factor.secretBase32) return false;
  const check = checkTotp({ secretBase32: factor.secretBase32, token: code, now, lastUsedStep: factor.lastUsedStep });
  return check.ok && (await consumeTotpStep(accountId, check.step));
}
