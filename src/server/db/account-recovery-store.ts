import "@/server/server-only";
import { randomUUID } from "node:crypto";
import type { AccountEventKind } from "./account-event-store";
import type { Queryable } from "./queryable";

/**
 * The account rows of a recovery by the assistance (accounts/recover-account.ts): the account
 * goes back to "to activate", as an invitation leaves it, in the caller's transaction.
 *
 * An account is "awaiting re-activation" when it has no activation date but its trail holds a
 * recovery: the trail is append-only for the app's role, so this mark cannot be lost, and it
 * keeps such an account apart from one never activated (a caregiver's invitation may take up an
 * unfinished enrolment again, rewriting its name and birth date: open-caregiver-account.ts, never
 * a recovered one).
 */
export const RECOVERY_EVENT = "second-factors-removed" satisfies AccountEventKind;

/** SQL for "this account row (alias a) was activated once": activated now, or awaiting re-activation. */
const ACTIVATED_ONCE_SQL = `(a.activated_at IS NOT NULL OR EXISTS (SELECT 1 FROM account_event e WHERE e.account_id = a.id AND e.kind = '${RECOVERY_EVENT}'))`;

export type RecoveryTarget = { id: string; kind: string; disabled: boolean; activatedOnce: boolean };

/** The account bound to a Patient or Practitioner, and whether it was ever activated; locked for the transaction. */
export async function lockRecoveryTarget(db: Queryable, fhirRef: string): Promise<RecoveryTarget | undefined> {
  const [row] = await db.query<{ id: string; kind: string; disabled: boolean; activated_once: boolean }>(
    `SELECT a.id::text AS id, a.kind, a.disabled, ${ACTIVATED_ONCE_SQL} AS activated_once
       FROM account a WHERE a.fhir_ref = $1 FOR UPDATE`,
    [fhirRef],
  );
  return row ? { id: row.id, kind: row.kind, disabled: row.disabled, activatedOnce: row.activated_once } : undefined;
}

/**
 * Every way into the account removed: password, TOTP app (and one being set up), passkeys,
 * recovery codes, linked identities (one of eIDAS level substantial signs in without any second
 * factor, which would bypass the assistance's check), known browsers (their lenient password
 * throttling belonged to the old devices, the lost phone among them), sign-ins under way, and
 * every live link or code (a password reset, an e-mail change, an earlier activation code: each
 * marked used now, so a newer code reads as "replaced", account-token-store.ts). Every session
 * ends (revoked, and the security stamp moves on). Then the one new activation code.
 */
export async function returnToActivation(db: Queryable, input: { accountId: string; activationHash: string; now: Date; ttlMs: number }): Promise<void> {
  const { accountId, now } = input;
  const at = now.toISOString();
  await db.query(
    `UPDATE account SET activated_at = NULL, password_hash = NULL, totp_secret = NULL, pending_totp_secret = NULL,
            second_factor_paused_until = NULL, security_notice = NULL, security_stamp = security_stamp + 1
      WHERE id = $1::uuid`,
    [accountId],
  );
  for (const table of ["passkey", "recovery_code", "oidc_identity", "known_device", "sign_in_challenge"]) {
    await db.query(`DELETE FROM ${table} WHERE account_id = $1::uuid`, [accountId]);
  }
  await db.query("UPDATE auth_session SET revoked_at = $2::timestamptz WHERE account_id = $1::uuid AND revoked_at IS NULL", [accountId, at]);
  await db.query("UPDATE account_token SET used_at = $2::timestamptz WHERE account_id = $1::uuid AND used_at IS NULL", [accountId, at]);
  await db.query(
    `INSERT INTO account_token (id, account_id, purpose, token_hash, created_at, expires_at)
     VALUES ($1::uuid, $2::uuid, 'activation', $3, $4::timestamptz, $5::timestamptz)`,
    [randomUUID(), accountId, input.activationHash, at, new Date(now.getTime() + input.ttlMs).toISOString()],
  );
}
