import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inPrisma } from "@/server/db/queryable";
import { systemRepository } from "@/server/fhir/repository";
import { enqueueEmail } from "@/server/mail/enqueue-email";
import { startOutboxWorker, type OutboxWorker } from "@/server/mail/outbox-worker";
import { smtpTransport, type MailTransport } from "@/server/mail/transport";
import { useTestDatabase } from "../../setup/test-database";
import { startSmtpCatcher } from "./smtp-catcher";

// A database of its own: the worker drains every due row it finds.
const db = useTestDatabase({ fresh: true });
let smtp: Awaited<ReturnType<typeof startSmtpCatcher>>;
let transport: MailTransport;

beforeAll(async () => {
  smtp = await startSmtpCatcher();
  transport = smtpTransport(smtp.url, "Espace santé <ne-pas-repondre@espace-sante.example>");
});
afterAll(async () => {
  transport.close();
  await smtp.close();
});

const mail = (over: Partial<Parameters<typeof enqueueEmail>[1]> = {}) => ({
  to: `p-${randomUUID()}@example.org`,
  subject: "Vous avez une nouvelle notification dans votre espace santé",
  text: "Bonjour,\n\nConnectez-vous pour la lire.",
  kind: "test",
  ...over,
});

async function rows(recipient: string) {
  return db().sql.query<{ attempts: number; sent_at: Date | null; failed_at: Date | null; next_attempt_at: Date; last_error: string | null }>(
    "SELECT attempts, sent_at, failed_at, next_attempt_at, last_error FROM email_outbox WHERE recipient = $1",
    [recipient],
  );
}

async function drainWith(fn: () => Promise<void>, options = {}) {
  const worker: OutboxWorker = startOutboxWorker(db().sql, transport, { idleMs: 20, log: () => undefined, ...options });
  try {
    await fn();
  } finally {
    await worker.stop();
  }
}

describe("the e-mail outbox", () => {
  it("holds an e-mail only if the event's transaction commits", async () => {
    const repo = await systemRepository("outbox-test");
    const kept = mail();
    const dropped = mail();
    await repo.transaction(async ({ tx }) => enqueueEmail(inPrisma(tx), kept));
    await expect(
      repo.transaction(async ({ tx }) => {
        await enqueueEmail(inPrisma(tx), dropped);
        throw new Error("the event fails");
      }),
    ).rejects.toThrow("the event fails");
    expect(await rows(kept.to)).toHaveLength(1);
    expect(await rows(dropped.to)).toHaveLength(0);
  });

  it("stores the same dedupe key once, and the worker delivers it once over SMTP", async () => {
    const one = mail({ dedupeKey: `k-${randomUUID()}` });
    await enqueueEmail(db().sql, one);
    await enqueueEmail(db().sql, { ...one, subject: "Un autre sujet" });
    await drainWith(async () => {
      await waitUntil(async () => (await rows(one.to))[0]?.sent_at != null);
    });
    const arrived = smtp.mails.filter((m) => m.to.includes(one.to));
    expect(arrived).toHaveLength(1);
    expect(arrived[0]!.subject).toBe(one.subject);
    expect(arrived[0]!.text).toContain("Connectez-vous");
    expect(arrived[0]!.messageId).toMatch(/@espace-sante\.outbox>?$/);
  });

  it("refuses a recipient or subject that would add a header, and stores nothing", async () => {
    const to = `p-${randomUUID()}@example.org`;
    await expect(enqueueEmail(db().sql, mail({ to, subject: "Bonjour\r\nBcc: victim@example.org" }))).rejects.toThrow(/saut de ligne/);
    await expect(enqueueEmail(db().sql, mail({ to: `${to}\nBcc: victim@example.org` }))).rejects.toThrow();
    await expect(enqueueEmail(db().sql, mail({ to: "pas-une-adresse" }))).rejects.toThrow();
    expect(await rows(to)).toHaveLength(0);
  });

  it("tries again later after a temporary refusal, and gives up on a permanent one", async () => {
    const temporary = mail();
    smtp.refuse(421, 1);
    await enqueueEmail(db().sql, temporary);
    await drainWith(async () => {
      await waitUntil(async () => (await rows(temporary.to))[0]?.last_error != null);
    });
    const [retry] = await rows(temporary.to);
    expect(retry!.sent_at).toBeNull();
    expect(retry!.failed_at).toBeNull();
    expect(retry!.attempts).toBe(1);
    expect(new Date(retry!.next_attempt_at).getTime()).toBeGreaterThan(Date.now() + 20_000);

    const permanent = mail();
    smtp.refuse(550, 1);
    await enqueueEmail(db().sql, permanent);
    await drainWith(async () => {
      await waitUntil(async () => (await rows(permanent.to))[0]?.failed_at != null);
    });
    expect(smtp.mails.filter((m) => m.to.includes(permanent.to))).toHaveLength(0);
  });

  it("sends each e-mail once when two workers drain the same outbox", async () => {
    const batch = Array.from({ length: 40 }, () => mail({ to: `pair-${randomUUID()}@example.org` }));
    for (const m of batch) await enqueueEmail(db().sql, m);
    const second = startOutboxWorker(db().sql, transport, { idleMs: 20, batchSize: 5, log: () => undefined });
    await drainWith(
      async () => {
        await waitUntil(async () => {
          const [row] = await db().sql.query<{ n: string }>("SELECT count(*) AS n FROM email_outbox WHERE recipient LIKE 'pair-%' AND sent_at IS NULL");
          return Number(row!.n) === 0;
        });
      },
      { batchSize: 5 },
    );
    await second.stop();
    const arrived = smtp.mails.filter((m) => m.to.some((t) => t.startsWith("pair-")));
    expect(arrived).toHaveLength(40);
    expect(new Set(arrived.map((m) => m.to[0])).size).toBe(40);
  });
});

async function waitUntil(check: () => Promise<boolean>, timeoutMs = 20_000) {
  const start = Date.now();
  while (!(await check())) {
    if (Date.now() - start > timeoutMs) throw new Error("délai dépassé");
    await new Promise((r) => setTimeout(r, 20));
  }
}
