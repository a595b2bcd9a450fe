import "server-only";
import { createHash } from "node:crypto";
import { normaliseEmail } from "../db/account-store";
import { clearRateLimit, hitRateLimit, refundRateLimit } from "../db/rate-limit-store";
import { SIGN_IN_LIMITS, signInThrottleRules } from "./throttle-policy";

/**
 * Takes one password attempt from every window that applies (see throttle-policy.ts) before any
 * password hashing, so a flood costs a few row updates, not argon2 time. Every window is
 * counted even when an earlier one already refused, so an attacker who rotates addresses still
 * fills the per-account window. `settle` is called with the outcome: a right password gives the
 * attempt back and clears this browser's count, so only failures stay counted.
 */
export type PasswordAttempt = { allowed: boolean; settle(passwordOk: boolean): Promise<void> };

export function emailKeyOf(email: string): string {
  return createHash("sha256").update(normaliseEmail(email)).digest("base64url");
}

export async function takePasswordAttempt(email: string, address: string, knownDeviceHash: string | undefined, now: Date): Promise<PasswordAttempt> {
  const rules = signInThrottleRules(emailKeyOf(email), address, knownDeviceHash);
  const hits = await Promise.all(rules.map((rule) => hitRateLimit(rule.key, rule.limit, SIGN_IN_LIMITS.windowMs, now)));
  return {
    allowed: hits.every((hit) => hit.allowed),
    async settle(passwordOk) {
      if (!passwordOk) return;
      // The browser's own count (first rule) starts again; the shared ones only lose this attempt.
      const [own, ...shared] = rules;
      if (own) await clearRateLimit(own.key);
      await Promise.all(shared.map((rule) => refundRateLimit(rule.key)));
    },
  };
}
