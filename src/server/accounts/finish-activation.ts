import "@/server/server-only";
import { openSession } from "../auth/open-session";
import { findAccountById } from "../db/account-store";
import { accountForEnrolment, markActivated } from "../db/account-enrolment-store";
import { recordAccountEvent } from "../db/account-event-store";
import { consumeChallenge } from "../db/sign-in-challenge-store";
import { countPasskeys } from "../db/passkey-store";

/**
 * Activation, last step: once the person has a second factor (a confirmed TOTP app or a
 * passkey) and has been shown their recovery codes, the account is activated and signed in.
 * The activation challenge is spent, so its cookie cannot sign in twice.
 */
export async function finishActivation(input: {
  challengeId: string;
  accountId: string;
  now: Date;
  address?: string;
  userAgent: string | null;
}): Promise<{ ok: true; sessionId: string } | { ok: false }> {
  const enrolment = await accountForEnrolment(input.accountId);
  if (!enrolment || enrolment.activatedAt) return { ok: false };
  const hasFactor = enrolment.hasTotp || (await countPasskeys(input.accountId)) > 0;
  if (!hasFactor) return { ok: false };
  if (!(await consumeChallenge(input.challengeId, input.now))) return { ok: false };
  if (!(await markActivated(input.accountId, input.now))) return { ok: false };
  const account = await findAccountById(input.accountId);
  if (!account) return { ok: false };
  // Opened by the activation code and the password just chosen: neither a passkey nor an identity, whose removal would close it.
  const sessionId = await openSession({ account, now: input.now, userAgent: input.userAgent, address: input.address, openedWith: { method: "password" } });
  await recordAccountEvent({ accountId: account.id, kind: "activated", at: input.now, address: input.address, userAgent: input.userAgent });
  return { ok: true, sessionId };
}
