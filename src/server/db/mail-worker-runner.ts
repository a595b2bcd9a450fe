import "@/server/server-only";
import path from "node:path";
import { env } from "../env";
import { startOutboxWorker, type OutboxWorker, type WorkerOptions } from "../mail/outbox-worker";
import { emlTransport, smtpTransport, type MailTransport } from "../mail/transport";
import { database } from "./client";

/** Where e-mails go in this environment: SMTP_URL, or .eml files under DATA_DIR/outbox. */
export function configuredTransport(): MailTransport {
  const { SMTP_URL, MAIL_FROM, DATA_DIR } = env();
  return SMTP_URL ? smtpTransport(SMTP_URL, MAIL_FROM) : emlTransport(path.resolve(DATA_DIR, "outbox"), MAIL_FROM);
}

/**
 * Starts draining the outbox of this process's database (the portal server does it, and so
 * does `npm run mail:worker`). The worker lives in the database layer's folder only because it
 * opens the database: it reads and writes the outbox, never patient data.
 */
export async function startMailWorker(options: WorkerOptions = {}): Promise<{ worker: OutboxWorker; transport: MailTransport }> {
  const db = await database();
  const transport = configuredTransport();
  const worker = startOutboxWorker(db.sql, transport, { leaseMs: env().MAIL_LEASE_SECONDS * 1000, ...options });
  return { worker, transport };
}
