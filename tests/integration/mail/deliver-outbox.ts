import { afterAll, beforeAll } from "vitest";
import type { Database } from "@/server/db/client";
import { startOutboxWorker, type OutboxWorker } from "@/server/mail/outbox-worker";
import { smtpTransport, type MailTransport } from "@/server/mail/transport";
import { startSmtpCatcher } from "./smtp-catcher";

/**
 * For a test file on a database of its own: the outbox worker sends every due e-mail of `db` to a
 * real SMTP server in this process, from the file's first test to its last. Gives the catcher,
 * whose `mails` are what arrived.
 */
export function deliverOutboxOf(db: () => Database): () => Awaited<ReturnType<typeof startSmtpCatcher>> {
  let smtp: Awaited<ReturnType<typeof startSmtpCatcher>> | undefined;
  let transport: MailTransport | undefined;
  let worker: OutboxWorker | undefined;
  beforeAll(async () => {
    smtp = await startSmtpCatcher();
    transport = smtpTransport(smtp.url, "Espace santé <ne-pas-repondre@espace-sante.example>");
    worker = startOutboxWorker(db().sql, transport, { idleMs: 20, log: () => undefined });
  });
  afterAll(async () => {
    await worker?.stop();
    transport?.close();
    await smtp?.close();
  });
  return () => {
    if (!smtp) throw new Error("deliverOutboxOf(): the SMTP server only runs inside tests and hooks");
    return smtp;
  };
}
