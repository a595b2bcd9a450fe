import "@/server/server-only";
import { database } from "../db/client";
import type { TransactionClient } from "../db/generated/prisma/internal/prismaNamespace";

/**
 * The SQL of share links (share_link) and of the dispensation guard (dispense_guard). The use
 * cases in src/server/sharing and src/server/prescriptions decide who may do what (through the
 * repository's decision and audit); this file only reads and writes rows, inside the caller's
 * transaction when it is given one, so a link and its audit row commit together.
 */
export type ShareLinkRow = {
  id: string;
  secretHash: string;
  patientId: string;
  prescriptionId: string;
  passcodeHash: string | null;
  attemptsLeft: number;
  expiresAt: Date;
  revokedAt: Date | null;
  /** When its prescription was fully dispensed through a link; set once (markLinksDispensed). */
  dispensedAt: Date | null;
  createdAt: Date;
  createdBy: string;
};

export type NewShareLink = Omit<ShareLinkRow, "revokedAt" | "dispensedAt">;

/**
 * A link as read, with whether its prescription still has a line that can be dispensed (status
 * active): a link to a prescription that is completed, cancelled or gone is dead (linkState).
 * Read in the same statement as the link, not after it: the pharmacist's page checked it on
 * every request one round trip after the link, and the sharing and prescription pages did too
 * (issue 16: each statement costs the server a send and a wake-up, whatever it reads).
 */
export type ShareLinkRead = ShareLinkRow & { prescriptionOpen: boolean };

export async function insertShareLink(tx: TransactionClient, link: NewShareLink): Promise<void> {
  await tx.shareLink.create({ data: { ...link, revokedAt: null, dispensedAt: null } });
}

/**
 * Marks every link of a prescription as dispensed, once its last line has been handed over:
 * from then on they stay dead (linkState), even if a line of that prescription were ever made
 * active again. A database trigger refuses to clear the mark.
 */
export async function markLinksDispensed(tx: TransactionClient, patientId: string, prescriptionId: string, now: Date): Promise<void> {
  await tx.$executeRawUnsafe(
    `UPDATE share_link SET dispensed_at = $3::timestamptz WHERE patient_id = $1::uuid AND prescription_id = $2 AND dispensed_at IS NULL`,
    patientId,
    prescriptionId,
    now.toISOString(),
  );
}

/**
 * The columns of a ShareLinkRead, read through the plain driver rather than Prisma: these reads
 * run on every view of the pharmacist's, the prescription's and the sharing page, and the driver
 * prepares them once per connection (sql-driver.ts) where Prisma sends, parses and plans each
 * one again (issue 16).
 */
const LINK_COLUMNS = `id::text AS id, secret_hash AS "secretHash", patient_id::text AS "patientId", prescription_id AS "prescriptionId",
  passcode_hash AS "passcodeHash", attempts_left AS "attemptsLeft", expires_at AS "expiresAt", revoked_at AS "revokedAt",
  dispensed_at AS "dispensedAt", created_at AS "createdAt", created_by AS "createdBy",
  EXISTS (SELECT 1 FROM fhir_resource f WHERE f.patient_id = share_link.patient_id AND f.group_id = share_link.prescription_id
            AND f.resource_type = 'MedicationRequest' AND f.status = 'active' AND NOT f.deleted) AS "prescriptionOpen"`;

/** Dates as Date whichever engine answered (PGlite and pg both give Date for timestamptz; a string is parsed). */
export function linkOf<Row extends ShareLinkRead>(row: Row): Row {
  const day = (value: Date | string) => (value instanceof Date ? value : new Date(value));
  return {
    ...row,
    expiresAt: day(row.expiresAt),
    createdAt: day(row.createdAt),
    revokedAt: row.revokedAt === null ? null : day(row.revokedAt),
    dispensedAt: row.dispensedAt === null ? null : day(row.dispensedAt),
    prescriptionOpen: row.prescriptionOpen === true,
  };
}

/** A link by id, or undefined (for the pharmacist's opening and every request after it). */
export async function findShareLink(id: string): Promise<ShareLinkRead | undefined> {
  const { sql } = await database();
  const [row] = await sql.query<ShareLinkRead>(`SELECT ${LINK_COLUMNS} FROM share_link WHERE id = $1::uuid`, [id]);
  return row ? linkOf(row) : undefined;
}

/** The links of a patient that have not ended (not revoked, not expired), newest first: the sharing page's list. */
export async function listLiveShareLinks(patientId: string, now = new Date()): Promise<ShareLinkRead[]> {
  const { sql } = await database();
  const rows = await sql.query<ShareLinkRead>(
    `SELECT ${LINK_COLUMNS} FROM share_link WHERE patient_id = $1::uuid AND revoked_at IS NULL AND expires_at > $2::timestamptz
      ORDER BY created_at DESC, id`,
    [patientId, now.toISOString()],
  );
  return rows.map(linkOf);
}

/** Ended links shown besides the live ones: the rest is in the patient's access history. */
export const ENDED_LINKS_SHOWN = 200;

/**
 * The links of a patient (one prescription's, or all), newest first: every link that still
 * works, however many (a live link the patient cannot see is one they cannot revoke), then the
 * latest ENDED_LINKS_SHOWN ended ones. $1 the patient, $2 the prescription (null: all), $3 now,
 * $4 ENDED_LINKS_SHOWN. Read with their events in one statement (share-link-events.ts).
 */
export const LINKS_SQL = `SELECT * FROM (
       (SELECT ${LINK_COLUMNS} FROM share_link
         WHERE patient_id = $1::uuid AND ($2::text IS NULL OR prescription_id = $2) AND revoked_at IS NULL AND expires_at > $3::timestamptz)
       UNION ALL
       (SELECT ${LINK_COLUMNS} FROM share_link
         WHERE patient_id = $1::uuid AND ($2::text IS NULL OR prescription_id = $2) AND (revoked_at IS NOT NULL OR expires_at <= $3::timestamptz)
         ORDER BY created_at DESC, id LIMIT $4)
     ) links`;

/** Ends a link of this patient now; false when there was no such live link. */
export async function revokeShareLink(tx: TransactionClient, id: string, patientId: string, now: Date): Promise<boolean> {
  const rows = await tx.$queryRawUnsafe<{ id: string }[]>(
    `UPDATE share_link SET revoked_at = $3::timestamptz WHERE id = $1::uuid AND patient_id = $2::uuid AND revoked_at IS NULL RETURNING id`,
    id,
    patientId,
    now.toISOString(),
  );
  return rows.length > 0;
}

/**
 * Counts one wrong passcode, atomically: the row is only decremented while attempts remain, so
 * any number of parallel guesses takes it to exactly zero and never below (the CHECK constraint
 * backs this). Undefined when no attempt was left to take.
 */
export async function takeAttempt(tx: TransactionClient, id: string): Promise<number | undefined> {
  const rows = await tx.$queryRawUnsafe<{ attempts_left: number }[]>(
    `UPDATE share_link SET attempts_left = attempts_left - 1 WHERE id = $1::uuid AND attempts_left > 0 RETURNING attempts_left`,
    id,
  );
  return rows[0]?.attempts_left;
}

/**
 * The link's row, locked until the transaction ends: a right passcode, and a dispensation
 * through the link, settle against it (a revocation, which updates the row, waits or is seen).
 */
export async function lockShareLink(
  tx: TransactionClient,
  id: string,
): Promise<Pick<ShareLinkRow, "attemptsLeft" | "revokedAt" | "dispensedAt" | "expiresAt" | "passcodeHash"> | undefined> {
  const rows = await tx.$queryRawUnsafe<{ attempts_left: number; revoked_at: Date | null; dispensed_at: Date | null; expires_at: Date; passcode_hash: string | null }[]>(
    `SELECT attempts_left, revoked_at, dispensed_at, expires_at, passcode_hash FROM share_link WHERE id = $1::uuid FOR UPDATE`,
    id,
  );
  const row = rows[0];
  return row
    ? {
        passcodeHash: row.passcode_hash,
        attemptsLeft: row.attempts_left,
        revokedAt: row.revoked_at ? new Date(row.revoked_at) : null,
        dispensedAt: row.dispensed_at ? new Date(row.dispensed_at) : null,
        expiresAt: new Date(row.expires_at),
      }
    : undefined;
}

/**
 * Locks the lines of a prescription (in id order, so two transactions never wait on each
 * other crosswise) and returns the id and version of every line and dispensation of it: the
 * state a dispensation form is checked against while nobody else can change it.
 */
export async function lockPrescriptionState(
  tx: TransactionClient,
  patientId: string,
  prescriptionId: string,
): Promise<{ id: string; meta: { versionId: string } }[]> {
  await tx.$queryRawUnsafe(
    `SELECT id FROM fhir_resource WHERE patient_id = $1::uuid AND group_id = $2 AND resource_type = 'MedicationRequest'
       ORDER BY id FOR UPDATE`,
    patientId,
    prescriptionId,
  );
  const rows = await tx.$queryRawUnsafe<{ id: string; version_id: number }[]>(
    `SELECT id::text AS id, version_id FROM fhir_resource WHERE patient_id = $1::uuid AND group_id = $2
       AND resource_type IN ('MedicationRequest', 'MedicationDispense') AND NOT deleted`,
    patientId,
    prescriptionId,
  );
  return rows.map((row) => ({ id: row.id, meta: { versionId: String(row.version_id) } }));
}

/** The guard's key of one dispensation form of one link (the form's key is a UUID, any case). */
export function dispenseGuardKey(linkId: string, formKey: string): string {
  return `${linkId.toLowerCase()}:${formKey.toLowerCase()}`;
}

/** Whether a dispensation form was recorded (its key claimed by a transaction that committed). */
export async function dispenseGuardTaken(key: string): Promise<boolean> {
  const { sql } = await database();
  const rows = await sql.query<{ taken: number }>(`SELECT 1 AS taken FROM dispense_guard WHERE idempotency_key = $1`, [key]);
  return rows.length > 0;
}

/**
 * Claims an idempotency key for a dispensation. A key already claimed (by a double click, or a
 * concurrent request whose transaction committed first: PostgreSQL makes the second insert wait
 * for the first) answers false and nothing else is recorded.
 */
export async function claimDispenseGuard(tx: TransactionClient, key: string, dispenseId: string): Promise<boolean> {
  const rows = await tx.$queryRawUnsafe<{ idempotency_key: string }[]>(
    `INSERT INTO dispense_guard (idempotency_key, dispense_id) VALUES ($1, $2::uuid)
       ON CONFLICT (idempotency_key) DO NOTHING RETURNING idempotency_key`,
    key,
    dispenseId,
  );
  return rows.length > 0;
}
