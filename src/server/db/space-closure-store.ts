import "@/server/server-only";
import { database } from "./client";
import type { Queryable } from "./queryable";

/**
 * The rows of a closed space (space_closure, migration 20261227010000_space_closure) and what the
 * closure does to the holder's account, in the caller's transaction (accounts/close-space.ts,
 * accounts/reopen-space.ts, jobs/erase-closed-spaces.ts).
 */
export type SpaceClosureRow = { patientId: string; accountId: string; closedAt: Date; archiveUntil: Date; eraseRequestedAt: Date | null; eraseDueAt: Date | null };

type Raw = { patient_id: string; account_id: string; closed_at: Date | string; archive_until: Date | string; erase_requested_at: Date | string | null; erase_due_at: Date | string | null };

const COLUMNS = "patient_id::text AS patient_id, account_id::text AS account_id, closed_at, archive_until, erase_requested_at, erase_due_at";
const date = (value: Date | string) => new Date(value);

function toRow(raw: Raw): SpaceClosureRow {
  return {
    patientId: raw.patient_id,
    accountId: raw.account_id,
    closedAt: date(raw.closed_at),
    archiveUntil: date(raw.archive_until),
    eraseRequestedAt: raw.erase_requested_at === null ? null : date(raw.erase_requested_at),
    eraseDueAt: raw.erase_due_at === null ? null : date(raw.erase_due_at),
  };
}

/** False when the space was already closed (two closures at once: the second changes nothing). */
export async function insertSpaceClosure(db: Queryable, row: SpaceClosureRow): Promise<boolean> {
  const inserted = await db.query<{ patient_id: string }>(
    `INSERT INTO space_closure (patient_id, account_id, closed_at, archive_until, erase_requested_at, erase_due_at)
     VALUES ($1::uuid, $2::uuid, $3::timestamptz, $4::timestamptz, $5::timestamptz, $6::timestamptz)
     ON CONFLICT DO NOTHING RETURNING patient_id`,
    [row.patientId, row.accountId, row.closedAt.toISOString(), row.archiveUntil.toISOString(), row.eraseRequestedAt?.toISOString() ?? null, row.eraseDueAt?.toISOString() ?? null],
  );
  return inserted.length > 0;
}

/**
 * Whether this account's space is closed: asked only once the person proved she holds the account
 * (a right password, a valid passkey assertion, a linked identity, a live reset link), to tell her
 * why nothing opens and how to reopen it, never to whoever merely names the account.
 */
export async function isSpaceClosedFor(accountId: string): Promise<boolean> {
  const { sql } = await database();
  const rows = await sql.query<{ one: number }>("SELECT 1 AS one FROM space_closure WHERE account_id = $1::uuid", [accountId]);
  return rows.length > 0;
}

/** The closure of this patient's space, locked for the transaction. */
export async function lockSpaceClosure(db: Queryable, patientId: string): Promise<SpaceClosureRow | undefined> {
  const [raw] = await db.query<Raw>(`SELECT ${COLUMNS} FROM space_closure WHERE patient_id = $1::uuid FOR UPDATE`, [patientId]);
  return raw ? toRow(raw) : undefined;
}

export async function deleteSpaceClosure(db: Queryable, patientId: string): Promise<void> {
  await db.query("DELETE FROM space_closure WHERE patient_id = $1::uuid", [patientId]);
}

/** The closed spaces whose data are due to go: asked for (30 days on) or ten years archived. */
export async function closuresDueForErasure(db: Queryable, now: Date, limit: number): Promise<SpaceClosureRow[]> {
  const rows = await db.query<Raw>(
    `SELECT ${COLUMNS} FROM space_closure WHERE erase_due_at <= $1::timestamptz OR archive_until <= $1::timestamptz ORDER BY closed_at LIMIT $2`,
    [now.toISOString(), limit],
  );
  return rows.map(toRow);
}

/**
 * The account of a closed space opens nothing and keeps nothing open: disabled (every sign-in
 * path and session check refuses a disabled account), its security stamp moved on, every session
 * revoked and every sign-in under way dropped. `disabled` goes back at reopening.
 */
export async function shutAccount(db: Queryable, accountId: string, now: Date): Promise<void> {
  await db.query("UPDATE account SET disabled = true, security_stamp = security_stamp + 1 WHERE id = $1::uuid", [accountId]);
  await db.query("UPDATE auth_session SET revoked_at = $2::timestamptz WHERE account_id = $1::uuid AND revoked_at IS NULL", [accountId, now.toISOString()]);
  await db.query("DELETE FROM sign_in_challenge WHERE account_id = $1::uuid", [accountId]);
  // A change of address or an identity's binding asked before the closure, its link still live,
  // would otherwise change the shut account afterwards: the reopening's e-mails would go to the
  // new address. Her reset link is kept: confirmed, it says the space is closed (reset-password.ts).
  await db.query(
    "UPDATE account_token SET used_at = $2::timestamptz WHERE account_id = $1::uuid AND used_at IS NULL AND purpose IN ('email-change', 'oidc-link')",
    [accountId, now.toISOString()],
  );
}

export async function reopenAccount(db: Queryable, accountId: string): Promise<void> {
  await db.query("UPDATE account SET disabled = false, security_stamp = security_stamp + 1 WHERE id = $1::uuid", [accountId]);
}

/** Every link of the space to a pharmacist still open, ended now; their ids and prescriptions, for the trail. */
export async function revokeLinksOfSpace(db: Queryable, patientId: string, now: Date): Promise<{ id: string; prescriptionId: string }[]> {
  const rows = await db.query<{ id: string; prescription_id: string }>(
    "UPDATE share_link SET revoked_at = $2::timestamptz WHERE patient_id = $1::uuid AND revoked_at IS NULL RETURNING id::text AS id, prescription_id",
    [patientId, now.toISOString()],
  );
  return rows.map((row) => ({ id: row.id, prescriptionId: row.prescription_id }));
}

/** Invitations to act for her not yet accepted: their links stop working. */
export async function cancelOpenInvitations(db: Queryable, patientId: string, now: Date): Promise<void> {
  await db.query("UPDATE delegation_invitation SET cancelled_at = $2::timestamptz WHERE patient_id = $1::uuid AND accepted_at IS NULL AND cancelled_at IS NULL", [patientId, now.toISOString()]);
}

/**
 * Whether the space is open, its Patient row share-locked until the caller's transaction ends, for
 * a write the closure undoes, made by a request whose session was checked before it: a pharmacy
 * link (decided on its own row alone: access/decide.ts), a caregiver's invitation. The closure
 * updates that row before it revokes the links and cancels the invitations (close-space.ts): a
 * closure under way waits for the caller's write to commit, then ends it with the others; one
 * written first is seen here, and the caller writes nothing.
 */
export async function lockSpaceOpen(db: Queryable, patientId: string): Promise<boolean> {
  const rows = await db.query<{ status: string | null }>(
    "SELECT status FROM fhir_resource WHERE id = $1::uuid AND resource_type = 'Patient' AND NOT deleted FOR SHARE",
    [patientId],
  );
  return rows.length === 1 && rows[0]!.status !== "inactive";
}
