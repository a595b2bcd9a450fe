import "@/server/server-only";
import { recordAccountEvent, type AccountEventKind } from "../db/account-event-store";
import { inAccountTransaction, pauseSecondFactor } from "../db/account-store";
import { clearRateLimit, hitRateLimit } from "../db/rate-limit-store";
import { tellOwnerSecondFactorPaused } from "./tell-owner";
import { SECOND_FACTOR_LIMITS, secondFactorThrottleKey } from "./throttle-policy";

/**
 * The per-account cap on second-factor codes (TOTP and recovery codes), across every challenge
 * of the account: a new challenge (the password again) gives no fresh tries. Each code takes a
 * slot before it is checked, so parallel guesses cannot pass the cap; a right code frees the
 * count. The failure that reaches the cap pauses the second step for the account and tells the
 * owner (a notice at their next sign-in, and an e-mail).
 *
 * The codes typed at sign-in and those asked again inside the account (check-second-factor.ts)
 * share the one cap; only the line a wrong one leaves in the account's trail differs (`refusal`),
 * so that the owner's list of sign-ins holds sign-ins alone.
 */
export type CodeSlot = { allowed: boolean; settle(ok: boolean): Promise<void> };

export type CodeRefusal = { kind: Extract<AccountEventKind, "code-failed" | "recovery-code-failed" | "account-code-failed">; detail?: string };

export async function takeCodeSlot(
  accountId: string,
  now: Date,
  trail: { address?: string | null; userAgent?: string | null },
  refusal: CodeRefusal,
): Promise<CodeSlot> {
  const key = secondFactorThrottleKey(accountId);
  const hit = await hitRateLimit(key, SECOND_FACTOR_LIMITS.failures, SECOND_FACTOR_LIMITS.windowMs, now);
  return {
    allowed: hit.allowed,
    async settle(ok) {
      if (ok) return clearRateLimit(key);
      await recordAccountEvent({ accountId, kind: refusal.kind, at: now, ...trail, detail: refusal.detail ?? null });
      if (hit.count === SECOND_FACTOR_LIMITS.failures) {
        await pauseAndTellOwner(accountId, now, trail);
      }
    },
  };
}

/**
 * The pause, its line in the account's trail and the e-mail to the owner commit together: a
 * pause the owner is never told of (or an e-mail about a pause that rolled back) cannot happen.
 */
async function pauseAndTellOwner(accountId: string, now: Date, trail: { address?: string | null; userAgent?: string | null }): Promise<void> {
  await inAccountTransaction(async (q) => {
    const to = await pauseSecondFactor(q, accountId, new Date(now.getTime() + SECOND_FACTOR_LIMITS.pauseMs));
    await recordAccountEvent({ accountId, kind: "second-factor-paused", at: now, ...trail }, q);
    if (to) await tellOwnerSecondFactorPaused(q, to, accountId, now);
  });
}

export function isPaused(pausedUntil: Date | null, now: Date): boolean {
  return pausedUntil !== null && pausedUntil > now;
}
