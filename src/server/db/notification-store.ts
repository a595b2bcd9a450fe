import "@/server/server-only";
import { isNotificationKind, type NotificationKind } from "@/lib/notifications/kinds";
import { database } from "./client";

/**
 * The notifications a person sees: their account's own and those of the spaces the caller has
 * checked they may see (list-notifications.ts decides which). Not clinical data: rows say that
 * something happened, with a link, never what.
 */
export type NotificationOwners = {
  accountId: string;
  patientIds: string[];
  /** Spaces whose notices addressed to the account are left out: the person no longer acts there (lost-notice-spaces.ts). */
  lostSpaces?: readonly string[];
  /** Notices of these kinds of this space left out: the person may read its notices, not those (notices-of-ties.ts). */
  kindsLeftOut?: { patientId: string; kinds: readonly NotificationKind[] };
};

/** `newsCount`: how many pieces of news the notice stands for (a conversation's messages while it waited unread: notify.ts). */
export type NotificationRow = { id: string; kind: NotificationKind; urgent: boolean; link: string; createdAt: Date; readAt: Date | null; patientId: string | null; detail: string | null; newsCount: number };

/** The notices a person is shown: those of the last year (older ones are purged). */
const RECENT = "created_at > now() - interval '1 year'";
/** The same, on the notification table as `n` (unread-in-spaces.ts). */
export const RECENT_NOTICE_OF_N = `n.${RECENT}`;

/**
 * The header's unread count (unread-count.ts: the account's own notices and its own space's) as a
 * sub-select on the row `a` of the account table, whose fhir_ref is Patient/<id> for a patient:
 * the session's statement reads it for a page (session-store.ts), one round trip less on every
 * page (issue 16). The same rows as countUnread({ accountId, patientIds: [own space] }), but the
 * account's notices about another person's space (`space_id`), which are counted only where she
 * still acts (lost-notice-spaces.ts): UNREAD_SPACE_NOTICES_OF_ACCOUNT_ROW says whether there are
 * any, and the header then counts them all apart (check-session.ts leaves this count out).
 */
export const UNREAD_OF_ACCOUNT_ROW = `(SELECT count(*) FROM notification n
   WHERE ((n.account_id = a.id AND n.space_id IS NULL) OR n.patient_id = CASE WHEN a.fhir_ref LIKE 'Patient/%' THEN substr(a.fhir_ref, 9)::uuid END)
     AND n.${RECENT} AND n.read_at IS NULL)`;

/** The account's unread notices about another person's space, on the row `a` of the account table. */
export const UNREAD_SPACE_NOTICES_OF_ACCOUNT_ROW = `(SELECT count(*) FROM notification n
   WHERE n.account_id = a.id AND n.space_id IS NOT NULL AND n.${RECENT} AND n.read_at IS NULL)`;

/**
 * The rows of these owners from the last year, as a WHERE clause on $1 (the account) and $2 (the
 * patients), and its parameters. One patient (the header's count on every page: one's own space)
 * is compared as one value, not as an array: PostgreSQL estimated `= ANY($2)` for an array of
 * unknown length, found the plan for any array costlier than the one for this array, and so
 * planned the statement afresh on every page view (0.33 ms of the database's CPU, for an
 * execution of 0.03 ms); compared as one value, it keeps one plan (0.01 ms). No patient (a
 * professional): the account's rows, on $1 alone, for the same reason. A caller's own parameters
 * come after these ($<params.length + 1> onwards).
 */
function owned(owners: NotificationOwners): { where: string; params: unknown[] } {
  const { where, params } = withoutKindsLeftOut(ownedRows(owners), owners.kindsLeftOut);
  // Rare (a caregiver whose delegation ended): the usual statement, and its plan, stay as they were.
  if (!owners.lostSpaces?.length) return { where, params };
  return { where: `${where} AND (space_id IS NULL OR NOT (space_id = ANY($${params.length + 1}::uuid[])))`, params: [...params, owners.lostSpaces] };
}

/** Rare too (a caregiver reading another's space by her history right): the statement changes only then. */
function withoutKindsLeftOut({ where, params }: { where: string; params: unknown[] }, leftOut: NotificationOwners["kindsLeftOut"]): { where: string; params: unknown[] } {
  if (!leftOut) return { where, params };
  const [space, kinds] = [params.length + 1, params.length + 2];
  return { where: `${where} AND (patient_id IS DISTINCT FROM $${space}::uuid OR NOT (kind = ANY($${kinds}::text[])))`, params: [...params, leftOut.patientId, leftOut.kinds] };
}

function ownedRows({ accountId, patientIds }: NotificationOwners): { where: string; params: unknown[] } {
  if (patientIds.length === 0) return { where: `account_id = $1::uuid AND ${RECENT}`, params: [accountId] };
  if (patientIds.length === 1) return { where: `(account_id = $1::uuid OR patient_id = $2::uuid) AND ${RECENT}`, params: [accountId, patientIds[0]] };
  return { where: `(account_id = $1::uuid OR patient_id = ANY($2::uuid[])) AND ${RECENT}`, params: [accountId, patientIds] };
}

export async function listNotifications(owners: NotificationOwners, limit: number, offset: number): Promise<{ rows: NotificationRow[]; total: number }> {
  const { sql } = await database();
  const { where, params } = owned(owners);
  const [rows, [count]] = await Promise.all([
    sql.query<{ id: string; kind: string; urgent: boolean; link: string | null; created_at: Date; read_at: Date | null; patient_id: string | null; detail: string | null; news_count: number }>(
      `SELECT id, kind, urgent, link, created_at, read_at, patient_id, detail, news_count FROM notification
        WHERE ${where} ORDER BY created_at DESC, id LIMIT $${params.length + 1}::int OFFSET $${params.length + 2}::int`,
      [...params, limit, offset],
    ),
    sql.query<{ n: string }>(`SELECT count(*) AS n FROM notification WHERE ${where}`, params),
  ]);
  return {
    total: Number(count?.n ?? 0),
    rows: rows
      .filter((r) => isNotificationKind(r.kind))
      .map((r) => ({ id: r.id, kind: r.kind as NotificationKind, urgent: r.urgent, link: r.link ?? "/espace", createdAt: new Date(r.created_at), readAt: r.read_at ? new Date(r.read_at) : null, patientId: r.patient_id, detail: r.detail, newsCount: Number(r.news_count) })),
  };
}

/**
 * The unread notices of these owners by the space an account's notice is about (null: none),
 * in one statement: the header leaves out those of a space where the person no longer acts
 * (unread-count.ts), and asks her rights there only when there are such notices at all.
 */
export async function countUnreadBySpace(owners: NotificationOwners): Promise<{ spaceId: string | null; count: number }[]> {
  const { sql } = await database();
  const { where, params } = owned(owners);
  const rows = await sql.query<{ space_id: string | null; n: string | number }>(`SELECT space_id::text AS space_id, count(*) AS n FROM notification WHERE ${where} AND read_at IS NULL GROUP BY space_id`, params);
  return rows.map((row) => ({ spaceId: row.space_id, count: Number(row.n) }));
}

export async function countUnread(owners: NotificationOwners): Promise<number> {
  const { sql } = await database();
  const { where, params } = owned(owners);
  const [row] = await sql.query<{ n: string }>(`SELECT count(*) AS n FROM notification WHERE ${where} AND read_at IS NULL`, params);
  return Number(row?.n ?? 0);
}

export async function markAllRead(owners: NotificationOwners): Promise<void> {
  const { sql } = await database();
  const { where, params } = owned(owners);
  await sql.query(`UPDATE notification SET read_at = now() WHERE ${where} AND read_at IS NULL`, params);
}

/**
 * Marks read the unread notices of these owners that lead to this page: a conversation's « Nouveau
 * message » once the conversation is opened, which is reading it.
 */
export async function markReadLeadingTo(owners: NotificationOwners, kinds: readonly NotificationKind[], link: string): Promise<void> {
  const { sql } = await database();
  const { where, params } = owned(owners);
  await sql.query(
    `UPDATE notification SET read_at = now() WHERE ${where} AND read_at IS NULL AND link = $${params.length + 1}::text AND kind = ANY($${params.length + 2}::text[])`,
    [...params, link, kinds],
  );
}

/**
 * Marks one notification read; gives where it leads and the space its page is in: the space it
 * belongs to, or the one an account's notice is about (notify.ts, `space`); null for an
 * account's own notice that leads into no other space.
 */
export async function openNotification(owners: NotificationOwners, id: string): Promise<{ link: string; patientId: string | null } | undefined> {
  const { sql } = await database();
  const { where, params } = owned(owners);
  const [row] = await sql.query<{ link: string | null; patient_id: string | null }>(
    `UPDATE notification SET read_at = coalesce(read_at, now()) WHERE id = $${params.length + 1}::uuid AND ${where}
     RETURNING link, coalesce(patient_id, space_id)::text AS patient_id`,
    [...params, id],
  );
  return row ? { link: row.link ?? "/espace", patientId: row.patient_id } : undefined;
}

/**
 * The space a notice of the last year belongs to, whoever's it is: only for the caller to check
 * the person's right there (notice-space-reached.ts) before opening it as that space's.
 */
export async function spaceOfNotice(id: string): Promise<string | undefined> {
  const { sql } = await database();
  const [row] = await sql.query<{ patient_id: string }>(`SELECT patient_id::text FROM notification WHERE id = $1::uuid AND patient_id IS NOT NULL AND ${RECENT}`, [id]);
  return row?.patient_id;
}

/** The account's choices: kind → e-mail too (true) or portal only (false). Absent: the default (e-mail). */
export async function readPreferences(accountId: string): Promise<Map<string, boolean>> {
  const { sql } = await database();
  const rows = await sql.query<{ kind: string; email: boolean }>("SELECT kind, email FROM notification_preference WHERE account_id = $1::uuid", [accountId]);
  return new Map(rows.map((r) => [r.kind, r.email]));
}

export async function writePreferences(accountId: string, choices: Record<string, boolean>): Promise<void> {
  const { sql } = await database();
  await sql.transaction(async (tx) => {
    for (const [kind, email] of Object.entries(choices)) {
      await tx.query(
        `INSERT INTO notification_preference (account_id, kind, email) VALUES ($1::uuid, $2, $3)
         ON CONFLICT (account_id, kind) DO UPDATE SET email = EXCLUDED.email`,
        [accountId, kind, email],
      );
    }
  });
}

/** Whether a notice was already written under this dedupe key (notify() writes each key once). */
export async function isNotified(dedupeKey: string): Promise<boolean> {
  const { sql } = await database();
  const [row] = await sql.query(`SELECT 1 AS known FROM notification WHERE dedupe_key = $1`, [dedupeKey]);
  return row !== undefined;
}
