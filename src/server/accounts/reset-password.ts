import "@/server/server-only";
import { hashPassword } from "../auth/password";
import { checkPasswordStrength } from "../auth/password-strength";
import { findAccountById, setPasswordHash } from "../db/account-store";
import { consumeAccountToken, takeTokenAttempt } from "../db/account-token-store";
import { isSpaceClosedFor } from "../db/space-closure-store";
import { changeAndTellOwner } from "../notifications/account-change-notice";
import { checkSecondFactor } from "./check-second-factor";
import { passwordKnownWords } from "./password-known-words";
import { resetTokenHash } from "./request-password-reset";
import { keptWaysOf, type KeptWays } from "./reset-kept-ways";

/**
 * The reset link's form: a new password, with the second factor or a recovery code (a stolen
 * mailbox alone does not open the account). Five tries per link; the link is spent on success,
 * and every session of the account ends (security stamp). Passkeys and linked identities stay
 * (the owner proved the mailbox and the second factor): the result counts them, for the page
 * after the reset to say (reset-kept-ways.ts).
 */
/** Tries per link, counted before anything else is checked (takeTokenAttempt). */
export const RESET_TRIES = 5;

export type ResetResult = { ok: true; kept: KeptWays } | { ok: false; reason: "link" | "factor" | "length" | "weak" | "closed" };

export async function resetPassword(input: { token: string; newPassword: string; code: string; now: Date; address?: string; userAgent?: string | null }): Promise<ResetResult> {
  if (!/^[A-Za-z0-9_-]{43}$/.test(input.token)) return { ok: false, reason: "link" };
  const token = await takeTokenAttempt(resetTokenHash(input.token), "password-reset", input.now, RESET_TRIES);
  if (!token) return { ok: false, reason: "link" };
  // A link sent before she closed her space: a new password would open nothing (her account is
  // shut), so none is set and no code is spent. The mailbox it came to was told of the closure
  // already (close-space.ts), so saying it here tells its holder nothing new.
  if (await isSpaceClosedFor(token.accountId)) return { ok: false, reason: "closed" };
  const strength = checkPasswordStrength(input.newPassword, await passwordKnownWords(token.accountId));
  if (!strength.ok) return { ok: false, reason: strength.reason };
  const trail = { address: input.address, userAgent: input.userAgent };
  if (!(await checkSecondFactor(token.accountId, input.code, input.now, "password-reset", trail))) return { ok: false, reason: "factor" };
  const [passwordHash, account, kept] = await Promise.all([hashPassword(input.newPassword), findAccountById(token.accountId), keptWaysOf(token.accountId)]);
  if (!account) return { ok: false, reason: "link" };
  // The link spent, the new hash, its trail row and the owner's notice commit together (the
  // link was spent before, so a failure after it left the link used and the password as it
  // was); of two posts of one link at once, one spends it, the other changes nothing. The
  // e-mail says which ways in the reset left (account-change-lines.ts), as the page after it does.
  const done = await changeAndTellOwner(account, "password-reset", { at: input.now, ...trail, waysLeft: kept }, async (db) => {
    if (!(await consumeAccountToken(token.id, input.now, db))) return false;
    await setPasswordHash(token.accountId, passwordHash, input.now, db);
    return true;
  });
  return done ? { ok: true, kept } : { ok: false, reason: "link" };
}
