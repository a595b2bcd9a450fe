import "@/server/server-only";
import { emailTaken } from "../db/account-enrolment-store";
import { readToken, readTokenState, type TokenState } from "../db/account-token-store";
import { EMAIL_CHANGE_TRIES, emailChangeTokenHash } from "./change-email";
import { resetTokenHash } from "./request-password-reset";
import { RESET_TRIES } from "./reset-password";

/**
 * Whether a link sent by e-mail (a password reset, a new address's confirmation) can still
 * serve, and if not what became of it, for its page to say so as soon as it is opened rather
 * than after its form is filled in. Reads only: no attempt counted, nothing spent (mail
 * scanners open links). The POST still decides on its own (reset-password.ts, change-email.ts).
 */
export type AccountLink = "password-reset" | "email-change";
export type AccountLinkState = TokenState;

const LINKS: Record<AccountLink, { hash: (token: string) => string; tries: number }> = {
  "password-reset": { hash: resetTokenHash, tries: RESET_TRIES },
  "email-change": { hash: emailChangeTokenHash, tries: EMAIL_CHANGE_TRIES },
};

const wellFormed = (token: string | null | undefined): token is string => !!token && /^[A-Za-z0-9_-]{43}$/.test(token);

export async function accountLinkState(link: AccountLink, token: string | null | undefined, now: Date): Promise<AccountLinkState> {
  if (!wellFormed(token)) return "unknown";
  const { hash, tries } = LINKS[link];
  return readTokenState(hash(token), link, now, tries);
}

/**
 * The new address's link: live, it can still be refused when its address became another
 * account's after it was sent ("taken"), exactly as confirmEmailChange refuses it, so the page
 * offers no button whose post would only be refused. Which account holds the address is not
 * read: the page says no more than the refused post would.
 */
export type EmailChangeLinkState = AccountLinkState | "taken";

export async function emailChangeLinkState(token: string | null | undefined, now: Date): Promise<EmailChangeLinkState> {
  return (await emailChangeLink(token, now)).state;
}

/**
 * The same, with the address a live link confirms, for its page to name it. Only to the holder of
 * the link: it was sent to that very address, so whoever opens it reads the mailbox it names, and
 * the page tells them nothing they were not sent. An ended link names nothing.
 */
export async function emailChangeLink(token: string | null | undefined, now: Date): Promise<{ state: EmailChangeLinkState; address?: string }> {
  if (!wellFormed(token)) return { state: "unknown" };
  const read = await readToken(emailChangeTokenHash(token), "email-change", now, EMAIL_CHANGE_TRIES);
  if (read.state !== "live") return { state: read.state };
  // No address to confirm: the post refuses such a token as it refuses an unknown one.
  if (!read.data) return { state: "unknown" };
  return (await emailTaken(read.data, read.accountId)) ? { state: "taken" } : { state: "live", address: read.data };
}
