import "@/server/server-only";
import { randomUUID } from "node:crypto";
import type { Queryable } from "../db/queryable";
import { parseOutgoingEmail, type OutgoingEmail } from "./outgoing-email";

/**
 * Puts many e-mails in the outbox in one statement (a campaign, the daily prevention job):
 * each is checked as enqueueEmail() checks one (a bad one refuses the whole set, before any
 * row is written), and a `dedupeKey` already queued is skipped, as there.
 */
export async function enqueueEmails(db: Queryable, emails: readonly OutgoingEmail[]): Promise<void> {
  if (emails.length === 0) return;
  const mails = emails.map(parseOutgoingEmail);
  await db.query(
    `INSERT INTO email_outbox (id, dedupe_key, kind, recipient, subject, text_body, html_body)
     SELECT id, dedupe_key, kind, recipient, subject, text_body, html_body
       FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[])
            WITH ORDINALITY AS t(id, dedupe_key, kind, recipient, subject, text_body, html_body, ord)
      ORDER BY ord
     ON CONFLICT (dedupe_key) DO NOTHING`,
    [
      mails.map(() => randomUUID()),
      mails.map((m) => m.dedupeKey ?? null),
      mails.map((m) => m.kind),
      mails.map((m) => m.to),
      mails.map((m) => m.subject),
      mails.map((m) => m.text),
      mails.map((m) => m.html ?? null),
    ],
  );
}
