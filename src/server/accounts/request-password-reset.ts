import "@/server/server-only";
import { randomBytes } from "node:crypto";
import { withAnswerFloor } from "../auth/answer-floor";
import { keyedHash } from "../auth/one-time-code";
import { emailKeyOf } from "../auth/throttle";
import { sendPasswordResetLink } from "../auth/tell-owner";
import { recordAccountEvent } from "../db/account-event-store";
import { findCredentialsByEmail } from "../db/account-store";
import { createAccountToken } from "../db/account-token-store";
import { outboxConnection } from "../db/outbox-connection";
import { hitRateLimit } from "../db/rate-limit-store";
import { env } from "../env";
import { enqueueEmail } from "../mail/enqueue-email";
import { secrets } from "../secrets";
import { closedSpaceResetEmail } from "./space-closure-emails";

/**
 * Forgotten password: a link by e-mail, single use, 30 minutes, its secret stored as a keyed
 * hash. The answer is the same whether the address has an account or not, and requests are
 * capped per address and per e-mail (so nobody floods a mailbox). The link alone changes
 * nothing: the second factor or a recovery code is still asked (reset-password.ts).
 */
export const RESET_TTL_MS = 30 * 60 * 1000;
export const resetTokenHash = (token: string) => keyedHash("password-reset", token, secrets().authSecret);

/**
 * The request is answered this long after it began, whatever it did. For a real account it
 * stores a token, queues the e-mail and writes the trail; for an unknown address, nothing: 4.7-4.8
 * ms against 0.9-1.0 (medians of 40 pairs, `npm run bench -- sign-in`), the real account's 10th
 * percentile above the unknown's 90th, so one request told whether an address had an account.
 * 100 ms is twenty times the real account's work here, and nothing a person waiting for an e-mail notices.
 */
export const RESET_ANSWER_FLOOR_MS = 100;

export async function requestPasswordReset(input: { email: string; address: string; userAgent: string | null; now: Date }): Promise<void> {
  await withAnswerFloor(RESET_ANSWER_FLOOR_MS, () => sendResetLinkIfAccount(input));
}

async function sendResetLinkIfAccount(input: { email: string; address: string; userAgent: string | null; now: Date }): Promise<void> {
  const window = 60 * 60 * 1000;
  const [perAddress, perEmail] = await Promise.all([
    hitRateLimit(`reset:address:${input.address}`, 10, window, input.now),
    hitRateLimit(`reset:email:${emailKeyOf(input.email)}`, 3, window, input.now),
  ]);
  if (!perAddress.allowed || !perEmail.allowed) return;
  const account = await findCredentialsByEmail(input.email);
  // Her space is closed: her mailbox is told why no link comes, and how to reopen it (the answer
  // on the page stays the same for every address).
  if (account?.closed) return enqueueEmail(await outboxConnection(), closedSpaceResetEmail(input.email.trim().toLowerCase(), { accountId: account.id, now: input.now, assistance: env().ASSISTANCE_CONTACT }));
  if (!account || account.disabled) return;
  const token = randomBytes(32).toString("base64url");
  await createAccountToken({ accountId: account.id, purpose: "password-reset", tokenHash: resetTokenHash(token), now: input.now, ttlMs: RESET_TTL_MS });
  await sendPasswordResetLink(input.email.trim().toLowerCase(), `${env().APP_URL.replace(/\/$/, "")}/connexion/reinitialiser?jeton=${token}`);
  await recordAccountEvent({ accountId: account.id, kind: "password-reset-requested", at: input.now, address: input.address, userAgent: input.userAgent });
}
