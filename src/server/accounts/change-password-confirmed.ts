import "@/server/server-only";
import { hashPassword, verifyPassword } from "../auth/password";
import { checkPasswordStrength } from "../auth/password-strength";
import { SIGN_IN_LIMITS } from "../auth/throttle-policy";
import type { CurrentSession } from "../auth/check-session";
import { recordAccountEvent } from "../db/account-event-store";
import { findPasswordHash, setPasswordHash } from "../db/account-store";
import { hitRateLimit } from "../db/rate-limit-store";
import { adoptSecurityStamp } from "../db/session-store";
import { changeAndTellOwner } from "../notifications/account-change-notice";
import { checkSecondFactor } from "./check-second-factor";
import { passwordKnownWords } from "./password-known-words";

/**
 * "Mon compte": a new password. An open session is not enough (a computer left signed in): the
 * current password and the second factor are asked again, under the sign-in's throttles. The
 * new one is judged like at activation. Every other session ends; this one stays.
 */
// Which of the current password and the code was wrong is said (the sign-in says it too: its code
// step follows a right password); past the throttle, neither is checked nor named.
export type ChangePasswordResult = { ok: true } | { ok: false; reason: "throttled" | "current" | "code" | "length" | "weak" };

export async function changePasswordConfirmed(
  session: CurrentSession,
  input: { currentPassword: string; newPassword: string; code: string; now: Date; address?: string; userAgent?: string | null },
): Promise<ChangePasswordResult> {
  const accountId = session.account.id;
  const strength = checkPasswordStrength(input.newPassword, await passwordKnownWords(accountId));
  if (!strength.ok) return { ok: false, reason: strength.reason };
  if (input.newPassword === input.currentPassword) return { ok: false, reason: "weak" };
  const throttle = await hitRateLimit(`password-change:${accountId}`, SIGN_IN_LIMITS.accountAndAddress, SIGN_IN_LIMITS.windowMs, input.now);
  if (!throttle.allowed) return { ok: false, reason: "throttled" };
  const currentHash = await findPasswordHash(accountId);
  const trail = { address: input.address, userAgent: input.userAgent };
  if (!currentHash || !(await verifyPassword(currentHash, input.currentPassword))) {
    await recordAccountEvent({ accountId, kind: "account-password-failed", at: input.now, ...trail, detail: "password-change" });
    return { ok: false, reason: "current" };
  }
  if (!(await checkSecondFactor(accountId, input.code, input.now, "password-change", trail))) return { ok: false, reason: "code" };
  const passwordHash = await hashPassword(input.newPassword);
  let stamp = 0;
  // The new hash, its trail row and the owner's notice commit together (account-change-notice.ts).
  await changeAndTellOwner(session.account, "password-changed", { at: input.now, ...trail }, async (db) => {
    stamp = await setPasswordHash(accountId, passwordHash, input.now, db);
    return true;
  });
  await adoptSecurityStamp(session.sessionId, accountId, stamp);
  return { ok: true };
}
