import "@/server/server-only";
import { countOidcIdentities } from "../db/oidc-identity-store";
import { countPasskeys } from "../db/passkey-store";
import { findAccountById } from "../db/account-store";
import { env } from "../env";
import { cookieFrom, setCookieHeader } from "../sharing/share-result-cookie";

/**
 * What a password reset leaves in place, said on the page it ends on. A reset changes the
 * password only: the account's passkeys and linked identities stay, on purpose (the owner proved
 * the mailbox and the second factor), and each of them still signs in. One added by someone
 * else would go unseen, so the page after the reset counts them, with the way to « Mon compte »
 * of the account's own space to check them.
 *
 * How the counts reach that page (the sign-in page, /connexion?erreur=reinitialise): in a cookie
 * the reset's route sets, not in the address, where a forged link could make the page say
 * anything of anyone's account. HttpOnly, SameSite=Lax, ten minutes; `__Host-` and Secure in
 * production, as the sign-in's own cookies. It holds two counts and the space, nothing that
 * names the account.
 */
export type KeptWays = { passkeys: number; identities: number; accountPath: "/espace/compte" | "/pro/compte" };

const MAX_AGE_SECONDS = 10 * 60;
const VALUE = /^([ep])\.(\d{1,3})\.(\d{1,3})$/;

function cookieName(): string {
  return `${env().APP_ENV === "production" ? "__Host-" : ""}espace-sante.reinitialise`;
}

const header = (value: string, maxAge: number) => setCookieHeader(cookieName(), value, { httpOnly: true, sameSite: "lax", secure: env().APP_ENV === "production", path: "/", maxAge });

/** The account's passkeys and linked identities, read once the reset is done. */
export async function keptWaysOf(accountId: string): Promise<KeptWays> {
  const [passkeys, identities, account] = await Promise.all([countPasskeys(accountId), countOidcIdentities(accountId), findAccountById(accountId)]);
  return { passkeys, identities, accountPath: account?.kind === "patient" ? "/espace/compte" : "/pro/compte" };
}

/** The Set-Cookie for the page after the reset: the counts when there is one or more, else forgets an earlier reset's. */
export function keptWaysCookie(kept: KeptWays): string {
  if (kept.passkeys + kept.identities === 0) return header("", 0);
  const space = kept.accountPath === "/espace/compte" ? "e" : "p";
  return header(`${space}.${Math.min(kept.passkeys, 999)}.${Math.min(kept.identities, 999)}`, MAX_AGE_SECONDS);
}

/**
 * Forgets the counts at sign-out: they are the account's, not the browser's. On a shared computer
 * they outlived the owner's session by up to ten minutes, and the next person shown the page after
 * a reset (its address typed or kept in the history) read how many ways into the owner's account
 * there are.
 */
export function keptWaysForgotten(): string {
  return header("", 0);
}

/** The counts this browser's last reset left, if any (none from a cookie of another shape). */
export function keptWaysFrom(cookieHeader: string | null | undefined): KeptWays | null {
  const match = VALUE.exec(cookieFrom(cookieHeader ?? null, cookieName()) ?? "");
  if (!match) return null;
  const [passkeys, identities] = [Number(match[2]), Number(match[3])];
  return passkeys + identities > 0 ? { passkeys, identities, accountPath: match[1] === "e" ? "/espace/compte" : "/pro/compte" } : null;
}
