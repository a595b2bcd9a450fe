import "@/server/server-only";
import { randomBytes } from "node:crypto";
import { keyedHash } from "../auth/one-time-code";
import { findAccountById } from "../db/account-store";
import { consumeAccountToken, createAccountToken, takeTokenAttempt } from "../db/account-token-store";
import { regenerateRecoveryCodes } from "../db/recovery-code-store";
import { changeAndTellOwner } from "../notifications/account-change-notice";
import { secrets } from "../secrets";

/**
 * New recovery codes from "Mon compte", shown once without JavaScript: the confirmed form post
 * leaves a single-use ticket (two minutes) and sends the browser to the account page with it;
 * the page spends the ticket, makes the ten codes and shows them. A reload shows nothing more.
 */
const TICKET_TTL_MS = 2 * 60 * 1000;
/**
 * Page loads a ticket allows, counted before anything else (takeTokenAttempt): a load that fails
 * (the database, after the ticket was accepted) leaves it unspent, so a reload still makes the
 * codes; a few, not one, for that. It is spent only with the codes (below), once.
 */
const TICKET_LOADS = 3;
const hashOf = (ticket: string) => keyedHash("recovery-display", ticket, secrets().authSecret);

export async function issueRecoveryCodesTicket(accountId: string, now: Date): Promise<string> {
  const ticket = randomBytes(24).toString("base64url");
  await createAccountToken({ accountId, purpose: "recovery-display", tokenHash: hashOf(ticket), now, ttlMs: TICKET_TTL_MS });
  return ticket;
}

/** The new codes, when the ticket is this account's and unspent; otherwise none. */
export async function redeemRecoveryCodesTicket(accountId: string, ticket: string, now: Date, trail: { address?: string; userAgent?: string | null }): Promise<string[]> {
  if (!/^[A-Za-z0-9_-]{32}$/.test(ticket)) return [];
  const token = await takeTokenAttempt(hashOf(ticket), "recovery-display", now, TICKET_LOADS);
  if (!token || token.accountId !== accountId) return [];
  const account = await findAccountById(accountId);
  if (!account) return [];
  let codes: string[] = [];
  // The ticket spent, the new codes, their trail row and the owner's notice commit together
  // (account-change-notice.ts), as a password reset spends its link (reset-password.ts): spent
  // before, a failure after it left the ticket used and no new codes; of two loads at once, one
  // spends it, the other makes nothing.
  await changeAndTellOwner(account, "recovery-codes-regenerated", { at: now, ...trail }, async (db) => {
    if (!(await consumeAccountToken(token.id, now, db))) return false;
    codes = await regenerateRecoveryCodes(accountId, now, db);
    return true;
  });
  return codes;
}
