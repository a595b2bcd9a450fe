import "@/server/server-only";
import { findPasswordHash, setPasswordHash } from "../db/account-store";
import { hitRateLimit } from "../db/rate-limit-store";
import { adoptSecurityStamp } from "../db/session-store";
import { hashPassword, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, verifyPassword } from "./password";
import { SIGN_IN_LIMITS } from "./throttle-policy";

/**
 * A signed-in user changes their password. The current password is required (a session left
 * open on a shared computer is not enough), checked under the same throttle as sign-in. The
 * account's security stamp moves on, which ends every other session at once; the session that
 * made the change stays open.
 */
export type ChangePasswordInput = {
  accountId: string;
  sessionId: string;
  currentPassword: string;
  newPassword: string;
  now: Date;
};

export type ChangePasswordResult = { ok: true } | { ok: false; reason: "current-password" | "weak" };

export async function changePassword(input: ChangePasswordInput): Promise<ChangePasswordResult> {
  const { newPassword } = input;
  if (newPassword.length < PASSWORD_MIN_LENGTH || newPassword.length > PASSWORD_MAX_LENGTH || newPassword === input.currentPassword) {
    return { ok: false, reason: "weak" };
  }
  const throttle = await hitRateLimit(
    `password-change:${input.accountId}`,
    SIGN_IN_LIMITS.accountAndAddress,
    SIGN_IN_LIMITS.windowMs,
    input.now,
  );
  if (!throttle.allowed) return { ok: false, reason: "current-password" };
  const currentHash = await findPasswordHash(input.accountId);
  if (!currentHash || !(await verifyPassword(currentHash, input.currentPassword))) return { ok: false, reason: "current-password" };

  const stamp = await setPasswordHash(input.accountId, await hashPassword(newPassword), input.now);
  await adoptSecurityStamp(input.sessionId, input.accountId, stamp);
  return { ok: true };
}
