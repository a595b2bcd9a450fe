import "@/server/server-only";
import { randomUUID } from "node:crypto";
import type { NotificationKind } from "@/lib/notifications/kinds";
import type { Queryable } from "../db/queryable";
import { env } from "../env";
import { enqueueEmail } from "../mail/enqueue-email";
import { now } from "../clock";
import { unsafeLiveGuardianAccounts } from "../fhir/live-guardian-accounts";
import { noticeRow, sendsEmail } from "./notice-row";
import { GUARDIAN_EMAIL_LINES, notificationEmail } from "./notification-email";

export type { NotificationKind };

export type NotificationInput = {
  /** The space it belongs to: its owner and whoever manages that space see it. */
  patientId?: string;
  /** Or one account's own notice (a professional's, a new sign-in). */
  accountId?: string;
  /**
   * With `accountId`: the other person's space the notice is about, which opening it moves to
   * (a caregiver's notice of an answer in the person's conversation). The notice stays the
   * account's: that person and others acting in her space do not see it.
   */
  space?: string;
  kind: NotificationKind;
  urgent?: boolean;
  /** A path inside the portal; the kind's page when absent. */
  link?: string;
  /**
   * Fixed words of ours shown under the text (a new sign-in's browser and system): from a closed
   * list, never the record nor a name, since a notice may be read on a shared screen.
   */
  detail?: string;
  /** The same key notified twice is stored (and e-mailed) once. */
  dedupeKey?: string;
  /**
   * "always" e-mails whatever the preferences; security kinds always do. "never": the notice
   * only, its e-mail already sent for the same news (a conversation not read since: create-message.ts).
   */
  email?: "always" | "preference" | "never";
  /**
   * Fixed sentences added to the e-mail (a one-click cancel link of a delegation, say): built
   * from constant text and a link of ours, never from the record or anyone's name.
   */
  emailLines?: readonly string[];
  /**
   * With `patientId`: the space's live guardians are e-mailed even when it has an account of its
   * own (a teenager's), not only when it has none. For news that is the guardians' as much as
   * hers: one of them can no longer act (accounts/spaces-left-without-her.ts).
   */
  guardiansToo?: true;
  /**
   * The same news again (a conversation's next message while the earlier ones wait unread: create-message.ts):
   * the owner's notice of this kind and link still unread, if any, is refreshed (its time, so it rises
   * to the top, and its count, « 3 nouveaux messages ») instead of another being added, and no e-mail goes.
   * One notice read, or none left unread, and a new notice is written as usual.
   */
  refreshUnread?: boolean;
};

type Recipient = { account_id: string; email: string; account_kind: "patient" | "practitioner"; wants: boolean | null };

/**
 * Writes a notification, and its e-mail to the outbox when the person wants it (or always, for
 * security kinds). Pass the transaction of the event (`inPrisma(tx)`): both exist if and only
 * if the event committed. A space without an account of its own (a child) has its notice in
 * the portal, seen by its guardians there, and its e-mail goes to each of its live guardians
 * (live-guardian-accounts.ts), by their own preferences. Answers whether it was new or refreshed a notice still unread (`refreshUnread`; false when the
 * dedupe key was already notified).
 */
export async function notify(db: Queryable, n: NotificationInput): Promise<boolean> {
  const row = noticeRow(n);
  const params = [randomUUID(), row.patientId, row.accountId, row.kind, row.urgent, row.link, row.detail, row.dedupeKey, row.spaceId];
  const inserted = n.refreshUnread
    ? await db.query<{ id: string; refreshed: boolean }>(refreshOrInsertSql(row.accountId !== null), params)
    : await db.query<{ id: string; refreshed: boolean }>(`${INSERT_NOTICE} RETURNING id, false AS refreshed`, params);
  if (inserted.length === 0) return false; // already notified under this key: its e-mail went with it
  if (inserted[0]!.refreshed) return true; // the same news, told by the notice already waiting and its e-mail

  const [recipient] = await db.query<Recipient>(
    `SELECT a.id AS account_id, a.email, a.kind AS account_kind, p.email AS wants
       FROM account a
       LEFT JOIN notification_preference p ON p.account_id = a.id AND p.kind = $3::text
      WHERE NOT a.disabled AND (a.id = $1::uuid OR ($1::uuid IS NULL AND a.fhir_ref = $2::text))
      LIMIT 1`,
    [n.accountId ?? null, n.patientId ? `Patient/${n.patientId}` : null, n.kind],
  );
  const key = `notification:${inserted[0]!.id}`;
  if ((!recipient || n.guardiansToo) && n.patientId && !n.accountId) await emailGuardians(db, n, n.patientId, key);
  if (!recipient) return true;
  if (!sendsEmail(n, recipient.wants)) return true;
  await enqueueEmail(db, notificationEmail(n.kind, { email: recipient.email, accountKind: recipient.account_kind }, env().APP_URL, key, n.emailLines));
  return true;
}

const INSERT_NOTICE = `INSERT INTO notification (id, patient_id, account_id, space_id, kind, urgent, link, detail, dedupe_key)
     VALUES ($1::uuid, $2::uuid, $3::uuid, $9::uuid, $4, $5, $6, $7, $8)
     ON CONFLICT (dedupe_key) DO NOTHING`;

/**
 * One statement: refreshes the owner's newest unread notice of this kind and link of the last year
 * (the year the pages list), or, when there is none, inserts the new one. Found on the owner's
 * index (an account's notice by account_id, a space's by patient_id), its other owner columns
 * compared exactly, so a caregiver's notice is never a space's. A dedupe key already notified
 * refreshes nothing, as it inserts nothing. The lookup has an index of its own, the unread notices
 * by link (notification_unread_link_idx): the link names the conversation (notification-unread-plan.test.ts).
 */
export function refreshOrInsertSql(ofAccount: boolean): string {
  const owner = ofAccount
    ? "account_id = $3::uuid AND patient_id IS NOT DISTINCT FROM $2::uuid AND space_id IS NOT DISTINCT FROM $9::uuid"
    : "patient_id = $2::uuid AND account_id IS NULL AND space_id IS NULL";
  return `WITH refreshed AS (
       UPDATE notification SET created_at = now(), news_count = news_count + 1
        WHERE id = (SELECT id FROM notification
                     WHERE ${owner} AND kind = $4 AND link = $6 AND read_at IS NULL AND created_at > now() - interval '1 year'
                     ORDER BY created_at DESC LIMIT 1)
          AND NOT EXISTS (SELECT 1 FROM notification WHERE dedupe_key = $8)
       RETURNING id
     ), inserted AS (
       INSERT INTO notification (id, patient_id, account_id, space_id, kind, urgent, link, detail, dedupe_key)
       SELECT $1::uuid, $2::uuid, $3::uuid, $9::uuid, $4, $5, $6, $7, $8 WHERE NOT EXISTS (SELECT 1 FROM refreshed)
       ON CONFLICT (dedupe_key) DO NOTHING
       RETURNING id
     )
     SELECT id, true AS refreshed FROM refreshed UNION ALL SELECT id, false AS refreshed FROM inserted`;
}

/** A child's notice, e-mailed to each of its live guardians (live-guardian-accounts.ts). */
async function emailGuardians(db: Queryable, n: NotificationInput, patientId: string, key: string): Promise<void> {
  const guardians = (await unsafeLiveGuardianAccounts(db, [patientId], now())).get(patientId) ?? [];
  for (const guardian of guardians) {
    if (!sendsEmail(n, guardian.wants[n.kind] ?? null)) continue;
    const lines = [...GUARDIAN_EMAIL_LINES, ...(n.emailLines ?? [])];
    await enqueueEmail(db, notificationEmail(n.kind, { email: guardian.email, accountKind: guardian.accountKind }, env().APP_URL, `${key}:${guardian.accountId}`, lines));
  }
}
