import "@/server/server-only";
import { randomBytes } from "node:crypto";
import { keyedHash } from "../auth/one-time-code";
import { withAnswerFloor } from "../auth/answer-floor";
import { sendEmailChangeLink, tellAddressAlreadyUsed, tellOldAddressOfChange } from "../auth/tell-owner";
import { recordAccountEvent } from "../db/account-event-store";
import { emailTaken } from "../db/account-enrolment-store";
import { emailOfAccount, normaliseEmail, setAccountEmail } from "../db/account-store";
import { consumeAccountToken, createAccountToken, takeTokenAttempt } from "../db/account-token-store";
import { hitRateLimit } from "../db/rate-limit-store";
import { env } from "../env";
import { secrets } from "../secrets";
import { checkSecondFactor } from "./check-second-factor";

/**
 * A new e-mail address for the account: asked with the second factor, confirmed by a link
 * sent to the new address (24 hours, single use), while the old address is told. Only the
 * confirmation changes the address.
 */
const TTL_MS = 24 * 60 * 60 * 1000;
/** Tries per link, counted before anything else is checked (takeTokenAttempt). */
export const EMAIL_CHANGE_TRIES = 3;
export const emailChangeTokenHash = (token: string) => keyedHash("email-change", token, secrets().authSecret);
type Trail = { address?: string; userAgent?: string | null };

/**
 * An address that already belongs to another account gets the same answer as a free one, after
 * the same time: whether an address has an account here is nobody else's business, and a signed-in
 * person could otherwise test five addresses an hour. Its owner is told by e-mail instead, and
 * nothing changes. The floor covers the work that differs (a token stored and a link queued, or
 * not): without it, 11-14 ms to a free address against 7.5-9.3 ms to a taken one (medians of 20
 * pairs, `npm run bench -- sign-in`); with it, 107-108 ms both. As for the forgotten password
 * (request-password-reset.ts), 100 ms is far above that work, and nothing a person notices.
 */
export const EMAIL_CHANGE_ANSWER_FLOOR_MS = 100;

/**
 * What became of the request: sent (whether or not the address can be used, as the page says),
 * refused for the code, or for the address being already the account's (the fields the page
 * marks), or refused past the throttle.
 */
export type EmailChangeRequest = "sent" | "code" | "same" | "refused";

export async function requestEmailChange(accountId: string, newEmail: string, code: string, now: Date, trail: Trail): Promise<EmailChangeRequest> {
  const email = normaliseEmail(newEmail);
  if (!(await hitRateLimit(`email-change:${accountId}`, 5, 60 * 60 * 1000, now)).allowed) return "refused";
  if (!(await checkSecondFactor(accountId, code, now, "email-change", trail))) return "code";
  const old = await emailOfAccount(accountId);
  if (!old) return "refused";
  if (old === email) return "same";
  await withAnswerFloor(EMAIL_CHANGE_ANSWER_FLOOR_MS, async () => {
    if (await emailTaken(email, accountId)) await tellAddressAlreadyUsed(email, now);
    else {
      const token = randomBytes(32).toString("base64url");
      await createAccountToken({ accountId, purpose: "email-change", tokenHash: emailChangeTokenHash(token), now, ttlMs: TTL_MS, data: email });
      await sendEmailChangeLink(email, `${env().APP_URL.replace(/\/$/, "")}/compte/adresse/confirmer?jeton=${token}`);
    }
    await tellOldAddressOfChange(old);
    await recordAccountEvent({ accountId, kind: "email-change-requested", at: now, ...trail });
  });
  return "sent";
}

export async function confirmEmailChange(token: string, now: Date, trail: Trail): Promise<boolean> {
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return false;
  const row = await takeTokenAttempt(emailChangeTokenHash(token), "email-change", now, EMAIL_CHANGE_TRIES);
  if (!row?.data || (await emailTaken(row.data, row.accountId))) return false;
  if (!(await consumeAccountToken(row.id, now))) return false;
  if (!(await setAccountEmail(row.accountId, row.data, now))) return false;
  await recordAccountEvent({ accountId: row.accountId, kind: "email-changed", at: now, ...trail });
  return true;
}
