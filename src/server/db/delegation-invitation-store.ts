import "@/server/server-only";
import { randomUUID } from "node:crypto";
import { database } from "./client";
import type { Queryable } from "./queryable";

/**
 * The invitations of "Proches et délégations": secrets (hashed), state, and what the periodic
 * job already sent. The delegation itself is a RelatedPerson in the patient's record; this
 * table holds nothing clinical. State moves are single UPDATEs guarded by their WHERE clause,
 * so a link used twice at once is accepted once.
 */
export type InvitationRow = {
  id: string;
  patientId: string;
  given: string;
  family: string;
  relationship: string;
  scopes: string[];
  endDay: string;
  email: string;
  createdBy: string;
  createdAt: Date;
  expiresAt: Date;
  acceptedAt: Date | null;
  acceptedBy: string | null;
  relatedPersonId: string | null;
  confirmedAt: Date | null;
  cancelledAt: Date | null;
  activationNotifiedAt: Date | null;
  declinedAt: Date | null;
};

type Raw = {
  id: string;
  patient_id: string;
  given: string;
  family: string;
  relationship: string;
  scopes: string[];
  end_day: string;
  email: string;
  created_by: string;
  created_at: Date | string;
  expires_at: Date | string;
  accepted_at: Date | string | null;
  accepted_by: string | null;
  related_person_id: string | null;
  confirmed_at: Date | string | null;
  cancelled_at: Date | string | null;
  activation_notified_at: Date | string | null;
  declined_at: Date | string | null;
};

const COLUMNS = `id, patient_id, given, family, relationship, scopes, end_day, email, created_by, created_at, expires_at,
  accepted_at, accepted_by, related_person_id, confirmed_at, cancelled_at, activation_notified_at, declined_at`;

const at = (value: Date | string | null) => (value === null ? null : new Date(value));

function toRow(raw: Raw): InvitationRow {
  return {
    id: raw.id,
    patientId: raw.patient_id,
    given: raw.given,
    family: raw.family,
    relationship: raw.relationship,
    scopes: raw.scopes,
    endDay: raw.end_day,
    email: raw.email,
    createdBy: raw.created_by,
    createdAt: new Date(raw.created_at),
    expiresAt: new Date(raw.expires_at),
    acceptedAt: at(raw.accepted_at),
    acceptedBy: raw.accepted_by,
    relatedPersonId: raw.related_person_id,
    confirmedAt: at(raw.confirmed_at),
    cancelledAt: at(raw.cancelled_at),
    activationNotifiedAt: at(raw.activation_notified_at),
    declinedAt: at(raw.declined_at),
  };
}

async function sql(db?: Queryable): Promise<Queryable> {
  return db ?? (await database()).sql;
}

export type NewInvitation = Omit<InvitationRow, "id" | "acceptedAt" | "acceptedBy" | "relatedPersonId" | "confirmedAt" | "cancelledAt" | "activationNotifiedAt" | "declinedAt"> & {
  tokenHash: string;
  cancelTokenHash: string;
};

export async function insertInvitation(db: Queryable, input: NewInvitation): Promise<string> {
  const id = randomUUID();
  await db.query(
    `INSERT INTO delegation_invitation (id, patient_id, given, family, relationship, scopes, end_day, email, token_hash, cancel_token_hash, created_by, created_at, expires_at)
     VALUES ($1::uuid, $2::uuid, $3, $4, $5, $6::text[], $7, $8, $9, $10, $11::uuid, $12::timestamptz, $13::timestamptz)`,
    [id, input.patientId, input.given, input.family, input.relationship, input.scopes, input.endDay, input.email, input.tokenHash, input.cancelTokenHash, input.createdBy, input.createdAt.toISOString(), input.expiresAt.toISOString()],
  );
  return id;
}

export async function invitationByToken(tokenHash: string, db?: Queryable): Promise<InvitationRow | undefined> {
  const [row] = await (await sql(db)).query<Raw>(`SELECT ${COLUMNS} FROM delegation_invitation WHERE token_hash = $1`, [tokenHash]);
  return row ? toRow(row) : undefined;
}

export async function invitationByCancelToken(cancelHash: string, db?: Queryable): Promise<InvitationRow | undefined> {
  const [row] = await (await sql(db)).query<Raw>(`SELECT ${COLUMNS} FROM delegation_invitation WHERE cancel_token_hash = $1`, [cancelHash]);
  return row ? toRow(row) : undefined;
}

export async function invitationById(id: string, db?: Queryable): Promise<InvitationRow | undefined> {
  const [row] = await (await sql(db)).query<Raw>(`SELECT ${COLUMNS} FROM delegation_invitation WHERE id = $1::uuid`, [id]);
  return row ? toRow(row) : undefined;
}

export async function invitationOfRelatedPerson(relatedPersonId: string, db?: Queryable): Promise<InvitationRow | undefined> {
  const [row] = await (await sql(db)).query<Raw>(`SELECT ${COLUMNS} FROM delegation_invitation WHERE related_person_id = $1::uuid`, [relatedPersonId]);
  return row ? toRow(row) : undefined;
}

export async function invitationsOfPatient(patientId: string): Promise<InvitationRow[]> {
  const rows = await (await sql()).query<Raw>(
    `SELECT ${COLUMNS} FROM delegation_invitation WHERE patient_id = $1::uuid ORDER BY created_at DESC LIMIT 200`,
    [patientId],
  );
  return rows.map(toRow);
}

/** Takes the invitation for `accountId` if it is still open; false when it was used, cancelled or expired meanwhile. */
export async function markAccepted(db: Queryable, id: string, accountId: string, relatedPersonId: string, now: Date, cancelTokenHash: string): Promise<boolean> {
  const rows = await db.query<{ id: string }>(
    `UPDATE delegation_invitation
        SET accepted_at = $3::timestamptz, accepted_by = $2::uuid, related_person_id = $4::uuid, cancel_token_hash = $5
      WHERE id = $1::uuid AND accepted_at IS NULL AND cancelled_at IS NULL AND expires_at > $3::timestamptz
      RETURNING id`,
    [id, accountId, now.toISOString(), relatedPersonId, cancelTokenHash],
  );
  return rows.length === 1;
}

/** Spends the cancel secret (single use) and marks the invitation cancelled; false if already spent. */
export async function markCancelled(db: Queryable, id: string, cancelTokenHash: string | null, now: Date): Promise<boolean> {
  const rows = await db.query<{ id: string }>(
    `UPDATE delegation_invitation SET cancelled_at = $2::timestamptz, cancel_token_hash = NULL
      WHERE id = $1::uuid AND cancelled_at IS NULL AND ($3::text IS NULL OR cancel_token_hash = $3::text)
      RETURNING id`,
    [id, now.toISOString(), cancelTokenHash],
  );
  return rows.length === 1;
}

export async function markConfirmed(db: Queryable, id: string, now: Date): Promise<void> {
  await db.query(`UPDATE delegation_invitation SET confirmed_at = $2::timestamptz WHERE id = $1::uuid AND confirmed_at IS NULL`, [id, now.toISOString()]);
}

/** Claims the activation notice of an invitation (once), with a fresh cancel secret for its e-mail. */
export async function claimActivationNotice(db: Queryable, id: string, now: Date, cancelTokenHash: string): Promise<boolean> {
  const rows = await db.query<{ id: string }>(
    `UPDATE delegation_invitation SET activation_notified_at = $2::timestamptz, cancel_token_hash = $3
      WHERE id = $1::uuid AND activation_notified_at IS NULL AND cancelled_at IS NULL
      RETURNING id`,
    [id, now.toISOString(), cancelTokenHash],
  );
  return rows.length === 1;
}

/** A fresh cancel secret for the patient's e-mail about a widened delegation (its pause). */
export async function rearmCancelToken(db: Queryable, id: string, cancelTokenHash: string): Promise<boolean> {
  const rows = await db.query<{ id: string }>(
    `UPDATE delegation_invitation SET cancel_token_hash = $2 WHERE id = $1::uuid AND cancelled_at IS NULL RETURNING id`,
    [id, cancelTokenHash],
  );
  return rows.length === 1;
}

/** Accepted invitations whose delegation has not been announced as active yet. */
export async function invitationsAwaitingActivationNotice(limit = 200): Promise<InvitationRow[]> {
  const rows = await (await sql()).query<Raw>(
    `SELECT ${COLUMNS} FROM delegation_invitation
      WHERE accepted_at IS NOT NULL AND activation_notified_at IS NULL AND cancelled_at IS NULL
      ORDER BY accepted_at LIMIT $1::int`,
    [limit],
  );
  return rows.map(toRow);
}

/**
 * Records that this invitation's link opened (or took up again) the unactivated account `accountId`
 * for its invitee, and that no other invitation holds it any more: the account now has this one's
 * name, birth date and code. Two invitations' forms posted at once each found no holder before
 * taking the account up, and both were left holding it (seen through HTTP): the release page then
 * named both inviters and declined both, the invitee's own among them. One UPDATE was not enough:
 * each ran on a snapshot taken before the other committed, so neither saw the other's row as a
 * holder to clear (CI caught it, one run in many). The account's row is locked first; the UPDATE
 * that follows, a statement of its own, sees the earlier post's row and clears it: whichever takes
 * the account up last holds it alone.
 */
export async function markAccountOpened(invitationId: string, accountId: string): Promise<void> {
  await (await database()).sql.transaction(async (tx) => {
    await tx.query("SELECT 1 FROM account WHERE id = $1::uuid FOR UPDATE", [accountId]);
    await tx.query(
      `UPDATE delegation_invitation SET opened_account_id = CASE WHEN id = $1::uuid THEN $2::uuid END
        WHERE id = $1::uuid OR opened_account_id = $2::uuid`,
      [invitationId, accountId],
    );
  });
}

/** The invitations whose link opened the account `accountId`. */
export async function invitationsThatOpened(accountId: string, db?: Queryable): Promise<InvitationRow[]> {
  const rows = await (await sql(db)).query<Raw>(`SELECT ${COLUMNS} FROM delegation_invitation WHERE opened_account_id = $1::uuid`, [accountId]);
  return rows.map(toRow);
}

/** The invitations other than `exceptId` whose link opened the account `accountId`. */
export async function otherInvitationsThatOpened(accountId: string, exceptId: string, db?: Queryable): Promise<InvitationRow[]> {
  const rows = await (await sql(db)).query<Raw>(`SELECT ${COLUMNS} FROM delegation_invitation WHERE opened_account_id = $1::uuid AND id <> $2::uuid`, [accountId, exceptId]);
  return rows.map(toRow);
}

/**
 * The invitee declines, from his mailbox, the invitations behind an account opening he let go of
 * (release-account-opening.ts): those still open whose link holds the unactivated account
 * `accountId`, and the other open invitations of the same spaces to the same address (a second
 * invitation from the space would take the opening up again at once). cancelled_at is set with
 * declined_at, so every guard that stops a cancelled invitation stops these, and the cancel secret
 * of the inviter's e-mail is spent. Returns what was declined, for the inviters' trails.
 */
export async function declineInvitationsHolding(db: Queryable, accountId: string, now: Date): Promise<{ id: string; patientId: string }[]> {
  return db.query<{ id: string; patientId: string }>(
    `WITH holders AS (
       SELECT patient_id, email FROM delegation_invitation
        WHERE opened_account_id = $1::uuid AND accepted_at IS NULL AND cancelled_at IS NULL AND expires_at > $2::timestamptz)
     UPDATE delegation_invitation i SET declined_at = $2::timestamptz, cancelled_at = $2::timestamptz, cancel_token_hash = NULL
       FROM holders h
      WHERE i.patient_id = h.patient_id AND i.email = h.email
        AND i.accepted_at IS NULL AND i.cancelled_at IS NULL AND i.expires_at > $2::timestamptz
      RETURNING i.id::text AS id, i.patient_id::text AS "patientId"`,
    [accountId, now.toISOString()],
  );
}

/** No invitation holds the account `accountId` any more: the next post of an invitation's form takes it up. */
export async function clearOpenedAccount(db: Queryable, accountId: string): Promise<void> {
  await db.query("UPDATE delegation_invitation SET opened_account_id = NULL WHERE opened_account_id = $1::uuid", [accountId]);
}

/** Whether the invitee at `email` declined an invitation of the space `patientId` (declineInvitationsHolding). */
export async function addressDeclinedSpace(patientId: string, email: string, db?: Queryable): Promise<boolean> {
  const rows = await (await sql(db)).query<{ id: string }>(
    "SELECT id::text AS id FROM delegation_invitation WHERE patient_id = $1::uuid AND email = $2 AND declined_at IS NOT NULL LIMIT 1",
    [patientId, email],
  );
  return rows.length === 1;
}
