import "@/server/server-only";
import { hashPassword } from "../auth/password";
import { checkPasswordStrength, type StrengthCheck } from "../auth/password-strength";
import { newTotpSecret } from "../auth/totp";
import { setInitialPasswordHash, setPendingTotpSecret } from "../db/account-enrolment-store";

/**
 * Activation, second step: the password, judged by its guessability (password-strength.ts)
 * with the person's own name and address counted as guessable. A TOTP secret is prepared for
 * the next step at the same time, so the page that shows its QR code only reads.
 */
export async function chooseInitialPassword(
  account: { id: string; displayName: string; email: string; pendingTotpSecret: string | null },
  password: string,
): Promise<StrengthCheck> {
  const strength = checkPasswordStrength(password, [account.displayName, account.email]);
  if (!strength.ok) return strength;
  await setInitialPasswordHash(account.id, await hashPassword(password));
  if (!account.pendingTotpSecret) await setPendingTotpSecret(account.id, newTotpSecret());
  return { ok: true };
}
