import "@/server/server-only";
import { consumeTotpStep, readSecondFactor } from "../db/account-store";
import { spendRecoveryCode } from "../db/recovery-code-store";
import { isPaused, takeCodeSlot } from "../auth/second-factor-guard";
import { checkTotp } from "../auth/totp";

/**
 * The second factor asked again for a sensitive change in "Mon compte" (or a password reset):
 * a TOTP code, or else a recovery code (spent). Under the same per-account cap as sign-in, so
 * a stolen session cannot guess codes here instead. A wrong code is recorded as refused for
 * that change (`change`), not as a failed sign-in: the owner's list of sign-ins stays true.
 */
export type AccountChange = "password-change" | "email-change" | "totp-replace" | "recovery-codes" | "password-reset" | "passkey-add" | "passkey-remove" | "oidc-link" | "oidc-unlink" | "space-close";

export async function checkSecondFactor(
  accountId: string,
  code: string,
  now: Date,
  change: AccountChange,
  trail: { address?: string; userAgent?: string | null } = {},
): Promise<boolean> {
  const factor = await readSecondFactor(accountId);
  if (!factor || factor.disabled || isPaused(factor.pausedUntil, now)) return false;
  const slot = await takeCodeSlot(accountId, now, trail, { kind: "account-code-failed", detail: change });
  if (!slot.allowed) return false;
  let ok = false;
  const digits = code.replace(/\s+/g, "");
  if (/^\d{6}$/.test(digits) && factor.secretBase32) {
    const check = checkTotp({ secretBase32: factor.secretBase32, token: digits, now, lastUsedStep: factor.lastUsedStep });
    ok = check.ok && (await consumeTotpStep(accountId, check.step));
  } else {
    ok = await spendRecoveryCode(accountId, code, now);
  }
  await slot.settle(ok);
  return ok;
}
