/**
 * `npm run bench`: the record store's speed (issue 3) on a real PostgreSQL with the production
 * build. Loads 1,000 then 10,000 synthetic patients (50 documents each), drives the FHIR API as a
 * signed-in patient with autocannon (50 connections), and in the same run measures the ceiling:
 * a bare Node server doing the same SQL through pg. Each is driven in rounds taking turns
 * (BENCH_ROUNDS, default 3, of BENCH_SECONDS, default 5), and the medians are compared. Prints
 * figures and ratios; targets are reported as met or not, never asserted (machines here are noisy).
 * Then, for information only, the same search and read on one process (PORTAL_PROCESSES=1).
 *
 * Then the documents page (issue 4, scripts/bench/documents-page.ts): a patient with 5,000
 * documents, server-rendered TTFB median and p95 (sequential and 10 concurrent) and the page's
 * JavaScript, compressed. To run only one part:
 *   npm run bench -- documents     (or BENCH_ONLY=documents)   the documents page alone, ~2 min
 *   npm run bench -- store         (or BENCH_ONLY=store)       the record store alone
 *   npm run bench -- pages         (or BENCH_ONLY=pages)       every page as its usual visitor (issue 16, scripts/bench/pages.ts)
 * Without an argument: store, documents, then pages.
 *   BENCH_PATIENTS=1000 npm run bench -- store                  the store at 1,000 patients only
 * The benchmark drives one account far past a person's pace, so it lifts the per-account read
 * limit (READS_PER_MINUTE): the reads are still counted, which is the cost measured.
 *   npm run bench -- partage       (or BENCH_ONLY=partage)     the sharing page (200 authorisations, 50 blocks) and "Voir comme…" on 5,000 documents (issue 12, scripts/bench/partage.ts)
 *   npm run bench -- notifications (or BENCH_ONLY=notifications) the notification campaign alone
 *     (scripts/bench/notifications.ts; BENCH_NOTIFY_PATIENTS, default 100,000)
 *   npm run bench -- sign-in       (or BENCH_ONLY=sign-in)     sign-ins per second, and the rest's latency meanwhile (scripts/bench/sign-in.ts)
 *   npm run bench -- prevention    (or BENCH_ONLY=prevention)  the daily prevention job alone (scripts/bench/prevention-job.ts)
 *   npm run bench -- scale         (or BENCH_ONLY=scale)       API search, documents page, memory, size per patient and audit:verify
 *     at 1,000, 10,000 and 100,000 patients loaded with COPY (issue 16, scripts/bench/scale.ts; BENCH_SCALE_MAX=10000 for a quick check)
 *   npm run bench -- uploads       (or BENCH_ONLY=uploads)     the server's memory during 20 MB uploads, one then several at once,
 *     with the start script's heap flags (capped) and the uncapped ones used before (issue 16, scripts/bench/uploads.ts)
 *   npm run bench -- copie         (or BENCH_ONLY=copie)       the copy of one's record (2,000 documents and their files) through the
 *     running server: time, MB/s, CPU and peak memory, against the same files downloaded one by one (scripts/bench/record-copy.ts)
 */
import { randomBytes } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import pg from "pg";
import { startApp, startCeiling, stop } from "./app-server";
import { freshDatabase } from "./database";
import { benchDecide } from "./decide-micro";
import { benchDocumentsPage, reportDocumentsPage } from "./documents-page";
import { benchPages, reportPages } from "./pages";
import { benchPartage, reportPartage } from "./partage";
import { benchNotifications, reportNotifications } from "./notifications";
import { benchSignIn, reportSignIn } from "./sign-in";
import type { LoadResult } from "./drive";
import { driveInRounds, type Target } from "./rounds";
import { documentId, loadPatients, patientId } from "./load-synthetic";
import { benchPrevention } from "./prevention-job";
import { benchScale, reportScale } from "./scale";
import { benchUploads, reportUploads } from "./uploads";
import { benchRecordCopy, reportRecordCopy } from "./record-copy";
import { signedInCookie } from "./session-cookie";

const SERVER = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const DOCS = 50;
const APP_PORT = 3190;
const CEILING_PORT = 3191;

const PARTS = ["store", "documents", "pages", "partage", "notifications", "sign-in", "prevention", "scale", "uploads", "copie"] as const;
const ONLY = process.env.BENCH_ONLY ?? process.argv.slice(2).find((a) => (PARTS as readonly string[]).includes(a));
const runs = (part: (typeof PARTS)[number]) => (!ONLY && part !== "sign-in" && part !== "prevention") || ONLY === part;

function keep(name: string, result: unknown) {
  mkdirSync("bench-results", { recursive: true });
  writeFileSync(`bench-results/${name}-${new Date().toISOString().replace(/[:.]/g, "-")}.json`, JSON.stringify(result, null, 2));
}

async function main() {
  const started = Date.now();
  if (ONLY === "sign-in") {
    // Only on demand: it measures the sign-in path in this process, without the production build.
    const report = await benchSignIn();
    reportSignIn(report);
    keep("sign-in", report);
  }
  if (ONLY === "prevention") {
    // Only on demand: the daily job's engine in this process, without the production build.
    keep("prevention", benchPrevention());
  }
  if (runs("notifications")) {
    const notifications = await benchNotifications(SERVER);
    reportNotifications(notifications);
    keep("notifications", notifications);
  }
  if (runs("store")) await benchStore();
  if (runs("documents")) {
    const documents = await benchDocumentsPage(SERVER);
    reportDocumentsPage(documents);
    keep("documents-page", documents);
  }
  if (ONLY === "partage") {
    // Only on demand: the pages part measures the sharing page at the bench's usual sizes.
    const partage = await benchPartage(SERVER);
    reportPartage(partage);
    keep("partage", partage);
  }
  if (ONLY === "scale") {
    // Only on demand: it loads up to 100,000 patients (several GB) and takes many minutes.
    const scale = await benchScale(SERVER);
    reportScale(scale);
    keep("scale", scale);
  }
  if (runs("pages")) {
    const pages = await benchPages(SERVER);
    if (pages) {
      reportPages(pages);
      keep("pages", pages);
    }
  }
  if (runs("uploads")) {
    const uploads = await benchUploads(SERVER);
    reportUploads(uploads);
    keep("uploads", uploads);
  }
  if (runs("copie")) {
    const copy = await benchRecordCopy(SERVER);
    reportRecordCopy(copy);
    keep("copie", copy);
  }
  console.log(`total ${((Date.now() - started) / 1000).toFixed(0)} s`);
  process.exit(0);
}

async function benchStore() {
  const db = await freshDatabase(SERVER, `bench_${process.pid}`);
  const secretsEnv = {
    APP_ENV: "production",
    DATABASE_URL: db.url,
    AUTH_SECRET: randomBytes(32).toString("base64url"),
    STORAGE_KEY: randomBytes(32).toString("base64"),
    APP_URL: `http://127.0.0.1:${APP_PORT}`,
    READS_PER_MINUTE: "100000000",
  };
  Object.assign(process.env, secretsEnv);
  const pool = new pg.Pool({ connectionString: db.url, max: 4 });
  const results: Record<string, unknown> = {};
  try {
    const { openDatabase, setDatabase } = await import("../../src/server/db/client");
    const opening = openDatabase({ kind: "server", url: db.url }, { poolSize: 2 });
    setDatabase(opening);
    // Opening migrates the fresh database: the synthetic load below needs its tables.
    await opening;
    const decision = benchDecide();
    console.log(`access decision: median ${decision.medianUs.toFixed(3)} µs (target < 5 µs)`);
    results.decide = decision;

    let t = Date.now();
    await loadPatients(pool, 1, 1000, DOCS);
    console.log(`loaded 1,000 patients × ${DOCS} documents in ${((Date.now() - t) / 1000).toFixed(1)} s`);
    const self = patientId(1);
    const cookie = await signedInCookie(self);
    const app = await startApp(APP_PORT, secretsEnv);
    const ceiling = await startCeiling(CEILING_PORT, { DATABASE_URL: db.url, PATIENT_ID: self, POOL: "10" });
    try {
      const base = `http://127.0.0.1:${APP_PORT}/api/fhir/R4`;
      const headers = { cookie, accept: "application/fhir+json" };
      const searchUrl = `${base}/DocumentReference?patient=${self}&_count=20`;
      const readUrl = `${base}/DocumentReference/${documentId(1, 7)}`;
      await checkAnswers(searchUrl, readUrl, headers);
      const targets: Target[] = [
        { key: "ceiling", label: "ceiling (bare node + pg)", url: `http://127.0.0.1:${CEILING_PORT}/`, headers: {} },
        { key: "search", label: "search DocumentReference?patient&_count=20", url: searchUrl, headers },
        { key: "read", label: "read DocumentReference/<id> (+ audit row)", url: readUrl, headers },
      ];
      const at1k = await driveInRounds(targets, ROUNDS, SECONDS);
      results.at1k = at1k;
      if (process.env.BENCH_PATIENTS === "1000") {
        reportOne("1k", at1k);
        return;
      }
      t = Date.now();
      await loadPatients(pool, 1001, 10_000, DOCS);
      console.log(`loaded 9,000 more patients in ${((Date.now() - t) / 1000).toFixed(1)} s`);
      const at10k = await driveInRounds(targets, ROUNDS, SECONDS);
      results.at10k = at10k;
      report(at1k, at10k, decision.medianUs);
      results.oneProcess = await benchOneProcess(secretsEnv, targets);
    } finally {
      await stop(app);
      await stop(ceiling);
    }
  } finally {
    await pool.end();
    await db.drop();
  }
  mkdirSync("bench-results", { recursive: true });
  writeFileSync(`bench-results/store-${new Date().toISOString().replace(/[:.]/g, "-")}.json`, JSON.stringify(results, null, 2));
}

/**
 * For information, not a target: the same search and read on one process (PORTAL_PROCESSES=1),
 * against the figures above, measured as the portal starts by default: one process per core on
 * a PostgreSQL server (src/server/portal-processes.ts).
 */
async function benchOneProcess(secretsEnv: Record<string, string>, targets: Target[]) {
  const port = APP_PORT + 2;
  const app = await startApp(port, { ...secretsEnv, PORTAL_PROCESSES: "1" });
  try {
    const onOne = targets
      .filter((t) => t.key !== "ceiling")
      .map((t) => ({ ...t, label: `${t.label} ×1 process`, url: t.url.replace(`:${APP_PORT}/`, `:${port}/`) }));
    const measured = await driveInRounds(onOne, ROUNDS, SECONDS);
    console.log("\nfor information: the portal's server with PORTAL_PROCESSES=1, at 10k");
    for (const r of Object.values(measured)) console.log(`10k     ${r.label.padEnd(46)} ${r.requestsPerSec.toFixed(0).padStart(7)} req/s  p50 ${String(r.p50).padStart(4)} ms  p99 ${String(r.p99).padStart(4)} ms`);
    return measured;
  } finally {
    await stop(app);
  }
}

async function checkAnswers(searchUrl: string, readUrl: string, headers: Record<string, string>) {
  for (const url of [searchUrl, readUrl]) {
    const response = await fetch(url, { headers });
    if (response.status !== 200) throw new Error(`${url} answered ${response.status}: ${await response.text()}`);
  }
}

function reportOne(size: string, set: Record<string, LoadResult>) {
  console.log(`\nmedians of ${ROUNDS} rounds of ${SECONDS} s each, 50 connections`);
  for (const r of Object.values(set)) {
    console.log(`${size.padEnd(7)} ${r.label.padEnd(46)} ${r.requestsPerSec.toFixed(0).padStart(7)} req/s  p50 ${String(r.p50).padStart(4)} ms  p99 ${String(r.p99).padStart(4)} ms  non-2xx ${r.non2xx}`);
  }
  const ceiling = set.ceiling?.requestsPerSec ?? Number.NaN;
  for (const key of ["search", "read"]) console.log(`${key} / ceiling: ${(((set[key]?.requestsPerSec ?? 0) / ceiling) * 100).toFixed(0)}%`);
}

function report(at1k: Record<string, LoadResult>, at10k: Record<string, LoadResult>, decideUs: number) {
  const row = (size: string, r: LoadResult) =>
    `${size.padEnd(7)} ${r.label.padEnd(46)} ${r.requestsPerSec.toFixed(0).padStart(7)} req/s  p50 ${String(r.p50).padStart(4)} ms  p99 ${String(r.p99).padStart(4)} ms  non-2xx ${r.non2xx}`;
  console.log(`\nmedians of ${ROUNDS} rounds of ${SECONDS} s each, 50 connections (the rounds are in bench-results/)`);
  console.log("size    what                                             throughput   latency");
  for (const [size, set] of [["1k", at1k], ["10k", at10k]] as const) {
    for (const r of Object.values(set)) console.log(row(size, r));
  }
  const ratio = (a: number, b: number) => (b > 0 ? a / b : Number.NaN);
  const searchShare = ratio(at10k.search!.requestsPerSec, at10k.ceiling!.requestsPerSec);
  const p50Growth = ratio(at10k.search!.p50, at1k.search!.p50);
  const lines = [
    [`search / ceiling requests/s at 10k: ${(searchShare * 100).toFixed(0)}%`, searchShare >= 0.3, "≥ 30%"],
    [`search p99 at 10k: ${at10k.search!.p99} ms`, at10k.search!.p99 < 100, "< 100 ms"],
    [`read requests/s at 10k (audit row written): ${at10k.read!.requestsPerSec.toFixed(0)}`, at10k.read!.requestsPerSec >= 1000, "≥ 1,000"],
    [`search p50 10k / 1k: ${p50Growth.toFixed(2)}`, p50Growth <= 1.3, "≤ 1.3"],
    [`one access decision: ${decideUs.toFixed(3)} µs`, decideUs < 5, "< 5 µs"],
  ] as const;
  console.log("\ntargets");
  for (const [text, met, target] of lines) console.log(`  ${met ? "met    " : "NOT met"}  ${text} (target ${target})`);
}

void main().catch((error) => {
  console.error(error);
  process.exit(1);
});
