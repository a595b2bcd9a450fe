import "@/server/server-only";
import { randomUUID } from "node:crypto";
import type { Queryable } from "../db/queryable";
import { parseOutgoingEmail, type OutgoingEmail } from "./outgoing-email";

export type { OutgoingEmail };

/**
 * Puts an e-mail in the outbox. Pass the transaction of the event that causes it
 * (`inPrisma(tx)` inside `Repository.transaction`): the e-mail then exists if and only if the
 * event committed, and the mail worker (outbox-worker.ts) sends it afterwards, with retries.
 * The same `dedupeKey` enqueued twice is stored, and so sent, once.
 */
export async function enqueueEmail(db: Queryable, email: OutgoingEmail): Promise<void> {
  const mail = parseOutgoingEmail(email);
  await db.query(
    `INSERT INTO email_outbox (id, dedupe_key, kind, recipient, subject, text_body, html_body)
     VALUES ($1::uuid, $2, $3, $4, $5, $6, $7)
     ON CONFLICT (dedupe_key) DO NOTHING
     RETURNING id`,
    [randomUUID(), mail.dedupeKey ?? null, mail.kind, mail.to, mail.subject, mail.text, mail.html ?? null],
  );
}
