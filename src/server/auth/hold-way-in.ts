import "@/server/server-only";
import { identityRefOf } from "../accounts/linked-identities";
import type { Queryable } from "../db/queryable";
import type { SessionOrigin } from "./session-origin";

/** The passkey or identity a sign-in proved was removed before its session could open. */
export class WayInRemoved extends Error {
  constructor() {
    super("the way in that proved this sign-in was removed meanwhile");
    this.name = "WayInRemoved";
  }
}

/**
 * In the transaction that opens a session: the passkey or linked identity that proved the
 * sign-in is still the account's, and stays so until the session is written (a share lock on
 * its row). Without it, a sign-in whose key was checked just before the owner removed that key
 * opened its session just after the removal had closed the key's sessions, and kept it. With
 * it, either the removal waits for the session and then closes it (its UPDATE of the sessions
 * runs after, in a statement of its own), or the sign-in waits for the removal and finds the
 * key gone. A password sign-in has nothing to hold.
 */
export async function holdWayIn(db: Queryable, accountId: string, origin: SessionOrigin | undefined): Promise<void> {
  if (origin?.method === "passkey") {
    const held = await db.query("SELECT 1 FROM passkey WHERE credential_id = $1 AND account_id = $2::uuid FOR SHARE", [origin.credentialId, accountId]);
    if (held.length === 0) throw new WayInRemoved();
  }
  if (origin?.method === "oidc") {
    // The identity is named by its keyed hash: the account's few identities are held and hashed.
    const held = await db.query<{ issuer: string; subject: string }>("SELECT issuer, subject FROM oidc_identity WHERE account_id = $1::uuid FOR SHARE", [accountId]);
    if (!held.some((row) => identityRefOf(row.issuer, row.subject) === origin.identityRef)) throw new WayInRemoved();
  }
}
