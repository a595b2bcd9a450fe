import "@/server/server-only";
import type { Queryable } from "../db/queryable";
import type { MailMessage } from "./transport";

export type ClaimedMail = MailMessage & { attempts: number };

/**
 * Takes up to `limit` due e-mails for `leaseMs`. `FOR UPDATE SKIP LOCKED` lets several workers
 * (processes of the portal, `npm run mail:worker`) claim at once without taking the same row;
 * the lease (`locked_until`) keeps the row theirs after the claim commits, and lets it go
 * again if the worker dies before saying how the send went.
 */
export async function claimDue(db: Queryable, limit: number, leaseMs: number): Promise<ClaimedMail[]> {
  const rows = await db.query<{ id: string; recipient: string; subject: string; text_body: string; html_body: string | null; attempts: number }>(
    `UPDATE email_outbox o
        SET locked_until = now() + ($2::int * interval '1 millisecond'), attempts = o.attempts + 1
      WHERE o.id IN (
        SELECT id FROM email_outbox
         WHERE sent_at IS NULL AND failed_at IS NULL AND next_attempt_at <= now()
           AND (locked_until IS NULL OR locked_until < now())
         ORDER BY next_attempt_at
         LIMIT $1::int
         FOR UPDATE SKIP LOCKED)
      RETURNING o.id, o.recipient, o.subject, o.text_body, o.html_body, o.attempts`,
    [limit, leaseMs],
  );
  return rows.map((r) => ({ id: r.id, to: r.recipient, subject: r.subject, text: r.text_body, html: r.html_body, attempts: Number(r.attempts) }));
}

export async function markSent(db: Queryable, id: string): Promise<void> {
  await db.query(`UPDATE email_outbox SET sent_at = now(), locked_until = NULL, last_error = NULL WHERE id = $1::uuid`, [id]);
}

/** A failed send: tried again after `retryInMs`, or given up (`retryInMs` undefined). */
export async function markFailed(db: Queryable, id: string, error: string, retryInMs: number | undefined): Promise<void> {
  await db.query(
    `UPDATE email_outbox
        SET locked_until = NULL, last_error = left($2::text, 1000),
            next_attempt_at = CASE WHEN $3::int IS NULL THEN next_attempt_at ELSE now() + ($3::int * interval '1 millisecond') END,
            failed_at = CASE WHEN $3::int IS NULL THEN now() ELSE NULL END
      WHERE id = $1::uuid`,
    [id, error, retryInMs ?? null],
  );
}

/** Sent e-mails are kept a month (to answer "did it go?"), notifications a year (issue 15). */
export async function purgeOld(db: Queryable): Promise<void> {
  await db.query(`DELETE FROM email_outbox WHERE sent_at < now() - interval '30 days' OR failed_at < now() - interval '1 year'`);
  await db.query(`DELETE FROM notification WHERE created_at < now() - interval '1 year'`);
}

export type OutboxCounts = { pending: number; sent: number; failed: number };

export async function outboxCounts(db: Queryable): Promise<OutboxCounts> {
  const [row] = await db.query<{ pending: string; sent: string; failed: string }>(
    `SELECT count(*) FILTER (WHERE sent_at IS NULL AND failed_at IS NULL) AS pending,
            count(*) FILTER (WHERE sent_at IS NOT NULL) AS sent,
            count(*) FILTER (WHERE failed_at IS NOT NULL) AS failed
       FROM email_outbox`,
  );
  return { pending: Number(row?.pending ?? 0), sent: Number(row?.sent ?? 0), failed: Number(row?.failed ?? 0) };
}
