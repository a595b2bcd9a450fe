import "@/server/server-only";
import { createHash } from "node:crypto";
import { normaliseEmail } from "../db/account-store";
import { clearRateLimit, hitRateLimit, readFailureStreaks, recordFailureStreak, refundRateLimit } from "../db/rate-limit-store";
import { nextAttemptAt, SIGN_IN_DELAYS, SIGN_IN_LIMITS, signInDelayKeys, signInThrottleRules } from "./throttle-policy";

/**
 * Takes one password attempt from every window that applies (see throttle-policy.ts) before any
 * password hashing, so a flood costs a few row updates, not argon2 time. Every window is
 * counted even when an earlier one already refused, so an attacker who rotates addresses still
 * fills the per-account window. `settle` is called with the outcome: a right password gives the
 * attempt back and clears this browser's count, so only failures stay counted.
 *
 * From a browser the account does not know, an attempt inside the growing delay of the account
 * or of the address (throttle-policy.ts) is refused before anything is counted or hashed, and
 * each failure lengthens both delays. A browser the account knows has no delay at all.
 */
export type PasswordAttempt = { allowed: boolean; settle(passwordOk: boolean): Promise<void> };

export function emailKeyOf(email: string): string {
  return createHash("sha256").update(normaliseEmail(email)).digest("base64url");
}

export async function takePasswordAttempt(email: string, address: string, knownDeviceHash: string | undefined, now: Date): Promise<PasswordAttempt> {
  const emailKey = emailKeyOf(email);
  const delayKeys = signInDelayKeys(emailKey, address, knownDeviceHash);
  const streaks = await readFailureStreaks(delayKeys, SIGN_IN_DELAYS.forgetMs, now);
  if (streaks.some((streak) => (nextAttemptAt(streak)?.getTime() ?? 0) > now.getTime())) {
    return { allowed: false, settle: async () => undefined };
  }
  const rules = signInThrottleRules(emailKey, address, knownDeviceHash);
  const hits = await Promise.all(rules.map((rule) => hitRateLimit(rule.key, rule.limit, SIGN_IN_LIMITS.windowMs, now)));
  return {
    allowed: hits.every((hit) => hit.allowed),
    async settle(passwordOk) {
      if (!passwordOk) {
        await Promise.all(delayKeys.map((key) => recordFailureStreak(key, SIGN_IN_DELAYS.forgetMs, now)));
        return;
      }
      // The browser's own count (first rule) starts again; the shared ones only lose this attempt.
      const [own, ...shared] = rules;
      if (own) await clearRateLimit(own.key);
      await Promise.all(shared.map((rule) => refundRateLimit(rule.key)));
    },
  };
}
