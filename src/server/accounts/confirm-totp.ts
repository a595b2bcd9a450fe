import "server-only";
import { checkTotp } from "../auth/totp";
import { accountForEnrolment, confirmPendingTotp } from "../db/account-enrolment-store";
import { recordAccountEvent } from "../db/account-event-store";

/**
 * Enrols the TOTP app the person has just scanned: the first code it shows proves the secret
 * arrived, and only then does it replace any earlier app (activation, or "Mon compte" after a
 * lost phone). The code's step is spent at once.
 */
export async function confirmTotpEnrolment(accountId: string, code: string, now: Date, trail: { address?: string; userAgent?: string | null } = {}): Promise<boolean> {
  const account = await accountForEnrolment(accountId);
  if (!account?.pendingTotpSecret) return false;
  const check = checkTotp({ secretBase32: account.pendingTotpSecret, token: code, now, lastUsedStep: 0 });
  if (!check.ok) return false;
  await confirmPendingTotp(accountId, account.pendingTotpSecret, check.step);
  if (account.activatedAt) await recordAccountEvent({ accountId, kind: "totp-replaced", at: now, ...trail });
  return true;
}
