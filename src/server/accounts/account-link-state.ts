import "@/server/server-only";
import { readTokenState, type TokenState } from "../db/account-token-store";
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

export async function accountLinkState(link: AccountLink, token: string | null | undefined, now: Date): Promise<AccountLinkState> {
  if (!token || !/^[A-Za-z0-9_-]{43}$/.test(token)) return "unknown";
  const { hash, tries } = LINKS[link];
  return readTokenState(hash(token), link, now, tries);
}
