import "@/server/server-only";
import { createHash } from "node:crypto";
import { normaliseEmail } from "../db/account-store";
import { recordAccountEvent } from "../db/account-event-store";
import { clearRateLimit, hitRateLimit, readFailureStreaks, recordFailureStreak, refundRateLimit } from "../db/rate-limit-store";
import { recordFailureStreakAndEvent, recordRefusalAndEvent, type RefusalEvent } from "../db/sign-in-refusal-store";
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
export type PasswordAttempt =
  | {
      allowed: false;
      /**
       * Counts the refusal and, on the window's first, writes `event` (a real account's, null for
       * an address without one) in the same statement, so both run the same work
       * (sign-in-refusal-store.ts).
       */
      refuse(event: RefusalEvent | null): Promise<void>;
    }
  | {
      allowed: true;
      /**
       * Once the password was checked. A failure lengthens the delays and writes `failure` (a real
       * account's event, null for an address without one) with the first of them.
       */
      settle(passwordOk: boolean, failure: RefusalEvent | null): Promise<void>;
    };

export function emailKeyOf(email: string): string {
  return createHash("sha256").update(normaliseEmail(email)).digest("base64url");
}

export async function takePasswordAttempt(email: string, address: string, knownDeviceHash: string | undefined, now: Date): Promise<PasswordAttempt> {
  const emailKey = emailKeyOf(email);
  const delayKeys = signInDelayKeys(emailKey, address, knownDeviceHash);
  const streaks = await readFailureStreaks(delayKeys, SIGN_IN_DELAYS.forgetMs, now);
  // Refused attempts are counted apart, per typed address: a count nothing reads to decide, which
  // gives the refusal of an address without an account the same write as a real account's event.
  const refused = {
    allowed: false,
    refuse: (event: RefusalEvent | null) => recordRefusalAndEvent(`signin-refused:${emailKey}`, SIGN_IN_LIMITS.windowMs, now, event),
  } as const;
  if (streaks.some((streak) => (nextAttemptAt(streak)?.getTime() ?? 0) > now.getTime())) return refused;
  const rules = signInThrottleRules(emailKey, address, knownDeviceHash);
  const hits = await Promise.all(rules.map((rule) => hitRateLimit(rule.key, rule.limit, SIGN_IN_LIMITS.windowMs, now)));
  if (!hits.every((hit) => hit.allowed)) return refused;
  return {
    allowed: true,
    async settle(passwordOk, failure) {
      if (!passwordOk) {
        const [first, ...others] = delayKeys;
        // No delay keys: a browser the account knows, so a real account (known-device-store.ts).
        if (!first) {
          if (failure) await recordAccountEvent({ ...failure, at: now });
          return;
        }
        await Promise.all([
          recordFailureStreakAndEvent(first, SIGN_IN_DELAYS.forgetMs, now, failure),
          ...others.map((key) => recordFailureStreak(key, SIGN_IN_DELAYS.forgetMs, now)),
        ]);
        return;
      }
      // The browser's own count (first rule) starts again; the shared ones only lose this attempt.
      const [own, ...shared] = rules;
      if (own) await clearRateLimit(own.key);
      await Promise.all(shared.map((rule) => refundRateLimit(rule.key)));
    },
  };
}
