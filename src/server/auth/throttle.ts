import "server-only";
import { createHash } from "node:crypto";
import { normaliseEmail } from "../db/account-store";
import { hitRateLimit } from "../db/rate-limit-store";
import { SIGN_IN_LIMITS, signInThrottleKeys } from "./throttle-policy";

/**
 * Counts a password attempt against every window and says whether it may proceed. Runs
 * before any password hashing, so a flood costs a few row updates, not argon2 time. Every
 * window is counted even when an earlier one already refused, so an attacker who rotates
 * addresses still fills the per-account window.
 */
export async function allowPasswordAttempt(email: string, address: string, now: Date): Promise<boolean> {
  const emailKey = createHash("sha256").update(normaliseEmail(email)).digest("base64url");
  const keys = signInThrottleKeys(emailKey, address);
  const hits = await Promise.all([
    hitRateLimit(keys.accountAndAddress, SIGN_IN_LIMITS.accountAndAddress, SIGN_IN_LIMITS.windowMs, now),
    hitRateLimit(keys.account, SIGN_IN_LIMITS.account, SIGN_IN_LIMITS.windowMs, now),
    hitRateLimit(keys.address, SIGN_IN_LIMITS.address, SIGN_IN_LIMITS.windowMs, now),
  ]);
  return hits.every((hit) => hit.allowed);
}
