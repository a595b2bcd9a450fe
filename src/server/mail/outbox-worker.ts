import "@/server/server-only";
import type { Queryable } from "../db/queryable";
import { isPermanent, retryDelay } from "./backoff";
import { claimDue, markFailed, markSent, purgeOld, type ClaimedMail } from "./outbox-queries";
import type { MailTransport } from "./transport";

export type WorkerOptions = {
  /** Rows claimed per round. */
  batchSize?: number;
  /** E-mails sent at once within a round (the SMTP pool's connections). */
  concurrency?: number;
  /** How long a claim keeps a row away from other workers. */
  leaseMs?: number;
  /** Pause when nothing is due. */
  idleMs?: number;
  maxAttempts?: number;
  log?: (line: string) => void;
};

export type OutboxWorker = {
  /** Finishes the e-mails being sent, then stops claiming: nothing is left half done. */
  stop(): Promise<void>;
  /** Ends the pause, for a caller that just enqueued something. */
  wake(): void;
};

const PURGE_EVERY_MS = 3600_000;

/**
 * Drains the outbox: claims due rows (outbox-queries.ts), sends each, and marks it sent at once
 * (not at the end of the round), so a worker killed mid-round leaves unsent only what it had not
 * sent yet; after its lease, another worker (or itself, restarted) takes those. The one send
 * that can happen twice is the one in flight when the process dies: the mail server has
 * accepted it but the row is not yet marked. SMTP offers no way to close that gap; the message
 * then arrives again with the same Message-ID. Stopping by signal (SIGTERM) waits for the
 * round, so it never duplicates anything.
 */
export function startOutboxWorker(db: Queryable, transport: MailTransport, options: WorkerOptions = {}): OutboxWorker {
  const { batchSize = 20, concurrency = 4, leaseMs = 120_000, idleMs = 1000, maxAttempts, log = (line: string) => console.error(line) } = options;
  let running = true;
  let wakeUp: (() => void) | undefined;
  let lastPurge = 0;

  const pause = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      wakeUp = () => {
        clearTimeout(timer);
        resolve();
      };
    });

  async function sendOne(mail: ClaimedMail) {
    try {
      await transport.send(mail);
    } catch (error) {
      const delay = retryDelay(mail.attempts, isPermanent(error), Math.random(), maxAttempts);
      await markFailed(db, mail.id, (error as Error).message ?? String(error), delay);
      log(`E-mail ${mail.id} non envoyé (essai ${mail.attempts}) : ${(error as Error).message}${delay === undefined ? " ; abandonné" : ""}`);
      return;
    }
    await markSent(db, mail.id);
  }

  async function round(): Promise<number> {
    if (Date.now() - lastPurge > PURGE_EVERY_MS) {
      lastPurge = Date.now();
      await purgeOld(db);
    }
    const claimed = await claimDue(db, batchSize, leaseMs);
    let next = 0;
    const lanes = Array.from({ length: Math.min(concurrency, claimed.length) }, async () => {
      while (next < claimed.length) await sendOne(claimed[next++]!);
    });
    await Promise.all(lanes);
    return claimed.length;
  }

  const loop = (async () => {
    while (running) {
      let sent = 0;
      try {
        sent = await round();
      } catch (error) {
        // The database away (a restart, a failover): try again after a pause, do not die.
        log(`File d'envoi des e-mails : ${(error as Error).message}`);
      }
      if (running && sent === 0) await pause(idleMs);
    }
  })();

  return {
    async stop() {
      running = false;
      wakeUp?.();
      await loop;
    },
    wake: () => wakeUp?.(),
  };
}
