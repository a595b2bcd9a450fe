import "@/server/server-only";
import { checkTotp } from "../auth/totp";
import { accountForEnrolment, confirmPendingTotp } from "../db/account-enrolment-store";
import { recordAccountEvent } from "../db/account-event-store";
import { adoptSecurityStamp } from "../db/session-store";

/**
 * Enrols the TOTP app the person has just scanned: the first code it shows proves the secret
 * arrived, and only then does it replace any earlier app (activation, or "Mon compte" after a
 * lost phone). The code's step is spent at once.
 */
export async function confirmTotpEnrolment(
  accountId: string,
  code: string,
  now: Date,
  trail: { address?: string; userAgent?: string | null; sessionId?: string } = {},
): Promise<boolean> {
  const account = await accountForEnrolment(accountId);
  if (!account?.pendingTotpSecret) return false;
  const check = checkTotp({ secretBase32: account.pendingTotpSecret, token: code, now, lastUsedStep: 0 });
  if (!check.ok) return false;
  const stamp = await confirmPendingTotp(accountId, account.pendingTotpSecret, check.step);
  // Other sessions end with the old app; the one that made the change stays.
  if (trail.sessionId) await adoptSecurityStamp(trail.sessionId, accountId, stamp);
  if (account.activatedAt) await recordAccountEvent({ accountId, kind: "totp-replaced", at: now, address: trail.address, userAgent: trail.userAgent });
  return true;
}
