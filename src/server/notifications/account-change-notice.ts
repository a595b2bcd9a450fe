import "@/server/server-only";
import { accountChangeEmailLines, type AccountChange, type WaysLeft } from "@/lib/notifications/account-change-lines";
import { recordAccountEvent, type AccountEventKind } from "../db/account-event-store";
import { inAccountTransaction, type AccountKind } from "../db/account-store";
import type { Queryable } from "../db/queryable";
import { env } from "../env";
import { notify } from "./notify";

/** The account's own trail row of each change (account-event-store.ts), written with it. */
const EVENT: Record<AccountChange, AccountEventKind> = {
  "second-factor-replaced": "totp-replaced",
  "password-changed": "password-changed",
  "password-reset": "password-reset",
  "passkey-added": "passkey-added",
  "passkey-removed": "passkey-removed",
  "recovery-codes-regenerated": "recovery-codes-regenerated",
  "identity-linked": "oidc-linked",
  "identity-unlinked": "oidc-unlinked",
  "second-factors-removed": "second-factors-removed",
};

export type ChangeTrail = { at: Date; address?: string; userAgent?: string | null };

/**
 * Makes one change to how the account is opened (`change`: the store's write, given the
 * transaction; false when nothing changed) and, in the same transaction, its trail row and the
 * owner's notice with its e-mail: the three commit together or not at all, so a passkey added
 * by an intruder who holds a session is never there unannounced. A security kind: e-mailed
 * whatever the preferences (notice-row.ts).
 *
 * The notice is the account's (`accountId`), not the patient's space: a guardian or a caregiver
 * who reads that space's notices must not see how its owner signs in. Professionals' accounts
 * get the same, leading to /pro/compte.
 */
export async function changeAndTellOwner(
  account: { id: string; kind: AccountKind },
  what: AccountChange,
  trail: ChangeTrail & { waysLeft?: WaysLeft },
  change: (db: Queryable) => Promise<boolean>,
): Promise<boolean> {
  return inAccountTransaction(async (db) => {
    if (!(await change(db))) return false;
    await recordAccountEvent({ accountId: account.id, kind: EVENT[what], at: trail.at, address: trail.address, userAgent: trail.userAgent }, db);
    await tellOwnerOfChange(db, account, what, trail.at, trail.waysLeft);
    return true;
  });
}

/** The notice and its e-mail alone, in the caller's transaction. */
export async function tellOwnerOfChange(db: Queryable, account: { id: string; kind: AccountKind }, what: AccountChange, at: Date, waysLeft?: WaysLeft): Promise<void> {
  await notify(db, { accountId: account.id, kind: what, link: accountPage(account.kind), emailLines: changeEmailLines(account.kind, what, at, waysLeft) });
}

const accountPage = (kind: AccountKind) => (kind === "patient" ? "/espace/compte" : "/pro/compte");

/** The e-mail's lines of a change, with this portal's own links (for a notice written elsewhere: confirm-totp.ts). */
export function changeEmailLines(kind: AccountKind, what: AccountChange, at: Date, waysLeft?: WaysLeft): string[] {
  const base = env().APP_URL.replace(/\/+$/, "");
  return accountChangeEmailLines(what, at, { account: `${base}${accountPage(kind)}`, reset: `${base}/connexion/oubli`, assistance: env().ASSISTANCE_CONTACT }, waysLeft);
}
