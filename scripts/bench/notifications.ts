/**
 * `npm run bench -- notifications` (issue 15): a campaign notifies BENCH_NOTIFY_PATIENTS patients
 * (default 100,000; each has an account, so each notice also enqueues an e-mail), in
 * transactions of 500 through the real notifyMany(); then two outbox workers drain it over SMTP to
 * a sink server in this process (smtp-server, counting only). Reported: enqueue and drain rates,
 * this process's resident memory (sampled every 0.5 s: the workers claim 20 rows at a time, so
 * it must stay flat however long the queue), and the p95 of two pages of the production server
 * (the notifications page and the documents list, 10 concurrent GETs) before the campaign,
 * while it is enqueued, and while it is drained.
 */
import type { AddressInfo } from "node:net";
import { randomBytes, randomUUID } from "node:crypto";
import { SMTPServer } from "smtp-server";
import pg from "pg";
import { startApp, stop } from "./app-server";
import { freshDatabase } from "./database";
import { loadPatients, patientId } from "./load-synthetic";
import { signedInCookie } from "./session-cookie";
import { percentile } from "./stats";

const PATIENTS = Number(process.env.BENCH_NOTIFY_PATIENTS ?? 100_000);
const PAGE_SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const APP_PORT = 3192;

export type NotificationsBench = {
  patients: number;
  enqueuePerSec: number;
  drainPerSec: number;
  rssMb: { before: number; max: number; after: number };
  pages: Record<string, { p95: number; p50: number; requests: number; failures: number }>;
};

async function sink() {
  let received = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, _session, callback) {
      stream.on("data", () => undefined);
      stream.on("end", () => {
        received++;
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { url: `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`, received: () => received, close: () => new Promise<void>((r) => server.close(() => r())) };
}

/** `concurrency` clients GETting `url` in a loop until `until()` says stop (or `seconds` pass). */
async function measurePage(url: string, cookie: string, seconds: number, until: () => boolean = () => false, concurrency = 10) {
  const latencies: number[] = [];
  let failures = 0;
  const deadline = Date.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (Date.now() < deadline && !until()) {
        const start = performance.now();
        const response = await fetch(url, { headers: { cookie }, redirect: "manual" }).catch(() => undefined);
        await response?.arrayBuffer();
        latencies.push(performance.now() - start);
        if (!response || response.status !== 200) failures++;
      }
    }),
  );
  return { p50: percentile(latencies, 50), p95: percentile(latencies, 95), requests: latencies.length, failures };
}

export async function benchNotifications(serverUrl: string): Promise<NotificationsBench> {
  const db = await freshDatabase(serverUrl, `bench_notify_${process.pid}`);
  const env = {
    APP_ENV: "production",
    DATABASE_URL: db.url,
    AUTH_SECRET: randomBytes(32).toString("base64url"),
    STORAGE_KEY: randomBytes(32).toString("base64"),
    APP_URL: `http://127.0.0.1:${APP_PORT}`,
    // The portal's own worker stays off: the bench's workers drain, and are measured.
    MAIL_WORKER: "off",
    // One account reads here what thousands would: past 300 reads a minute (the default) the
    // pages answered 429, measured as fast failures. Reads are still counted, as in pages.ts.
    READS_PER_MINUTE: "100000000",
  };
  Object.assign(process.env, env);
  const pool = new pg.Pool({ connectionString: db.url, max: 2 });
  const smtp = await sink();
  const mb = () => Math.round(process.memoryUsage().rss / 1e6);
  try {
    const { openDatabase, setDatabase } = await import("../../src/server/db/client");
    const { inPrisma } = await import("../../src/server/db/queryable");
    const { notifyMany } = await import("../../src/server/notifications/notify-many");
    const { startOutboxWorker } = await import("../../src/server/mail/outbox-worker");
    const { smtpTransport } = await import("../../src/server/mail/transport");
    const opening = openDatabase({ kind: "server", url: db.url }, { poolSize: 4 });
    setDatabase(opening);
    const database = await opening;

    await loadPatients(pool, 1, 1, 200);
    const cookie = await signedInCookie(patientId(1));
    await pool.query(
      `INSERT INTO account (id, email, password_hash, totp_secret, kind, fhir_ref, display_name)
       SELECT gen_random_uuid(), 'campagne-' || g || '@example.org', 'x', 'x', 'patient', 'Patient/' || gen_random_uuid(), 'Patient ' || g
         FROM generate_series(1, $1::int) AS g`,
      [PATIENTS],
    );
    // A portal's accounts have statistics (autovacuum); 100,000 just inserted have none until the
    // next autovacuum round, and the planner, guessing ~500 accounts per fhir_ref, priced each
    // batch's recipient lookup high enough to JIT-compile it: ~400 ms a batch instead of ~100.
    await pool.query("ANALYZE account");
    const targets = (await pool.query<{ ref: string }>("SELECT fhir_ref AS ref FROM account WHERE email LIKE 'campagne-%'")).rows.map((r) => r.ref.slice(8));
    const app = await startApp(APP_PORT, env);
    const pages: NotificationsBench["pages"] = {};
    const urls = { notifications: `http://127.0.0.1:${APP_PORT}/espace/notifications`, documents: `http://127.0.0.1:${APP_PORT}/espace/documents` };
    try {
      // One request each first: the first render of a page pays for loading its code.
      for (const url of Object.values(urls)) await (await fetch(url, { headers: { cookie } })).arrayBuffer();
      for (const [name, url] of Object.entries(urls)) pages[`${name}, before`] = await measurePage(url, cookie, PAGE_SECONDS);

      const campaign = randomUUID();
      const rssBefore = mb();
      let maxRss = rssBefore;
      const sampler = setInterval(() => (maxRss = Math.max(maxRss, mb())), 500);

      let enqueued = false;
      const enqueueStart = Date.now();
      const enqueueing = (async () => {
        for (let i = 0; i < targets.length; i += 500) {
          const notices = targets.slice(i, i + 500).map((id) => ({ patientId: id, kind: "prevention-due" as const, dedupeKey: `campaign:${campaign}:${id}` }));
          await database.prisma.$transaction(async (tx) => notifyMany(inPrisma(tx), notices), { timeout: 120_000 });
        }
        enqueued = true;
      })();
      pages["notifications, while enqueuing"] = await measurePage(urls.notifications, cookie, PAGE_SECONDS, () => enqueued);
      await enqueueing;
      const enqueueSeconds = (Date.now() - enqueueStart) / 1000;

      const transports = [smtpTransport(smtp.url, "bench@example.org"), smtpTransport(smtp.url, "bench@example.org")];
      const drainStart = Date.now();
      const workers = transports.map((t) => startOutboxWorker(database.sql, t, { idleMs: 50, log: () => undefined }));
      const drained = () => smtp.received() >= PATIENTS;
      pages["notifications, while draining"] = await measurePage(urls.notifications, cookie, PAGE_SECONDS, drained);
      pages["documents, while draining"] = await measurePage(urls.documents, cookie, PAGE_SECONDS, drained);
      while (!drained()) await new Promise((r) => setTimeout(r, 100));
      const drainSeconds = (Date.now() - drainStart) / 1000;
      await Promise.all(workers.map((w) => w.stop()));
      transports.forEach((t) => t.close());
      clearInterval(sampler);
      return {
        patients: PATIENTS,
        enqueuePerSec: PATIENTS / enqueueSeconds,
        drainPerSec: PATIENTS / drainSeconds,
        rssMb: { before: rssBefore, max: maxRss, after: mb() },
        pages,
      };
    } finally {
      stop(app);
    }
  } finally {
    await smtp.close();
    await pool.end();
    const { closeDatabase, database } = await import("../../src/server/db/client");
    await closeDatabase(await database()).catch(() => undefined);
    await db.drop().catch(() => undefined);
  }
}

export function reportNotifications(result: NotificationsBench) {
  console.log(`notifications campaign: ${result.patients.toLocaleString("en")} patients (notice + e-mail each)`);
  console.log(`  enqueued ${result.enqueuePerSec.toFixed(0)} notifications/s (in transactions of 500, through notifyMany())`);
  console.log(`  drained ${result.drainPerSec.toFixed(0)} e-mails/s over SMTP (2 workers, 4 connections each)`);
  console.log(`  bench process RSS: ${result.rssMb.before} MB before, ${result.rssMb.max} MB at most, ${result.rssMb.after} MB after`);
  for (const [label, p] of Object.entries(result.pages)) {
    console.log(`  ${label.padEnd(32)} p50 ${p.p50.toFixed(0)} ms  p95 ${p.p95.toFixed(0)} ms  (${p.requests} requests, ${p.failures} not 200)`);
  }
}
