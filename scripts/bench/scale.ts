/**
 * `npm run bench -- scale` (issue 16, "Flat to 100,000 patients"): loads synthetic patients × 50
 * documents with COPY (scripts/bench/copy-synthetic.ts: resources, history, chained audit rows)
 * into three databases of 1,000, 10,000 and 100,000 patients, starts the production build on
 * each (the machine's PostgreSQL), and measures them in interleaved rounds, as one signed-in
 * patient (the same one in each): the FHIR API search and the documents page with sequential
 * requests (p50, p95), and a baseline page that reads nothing of the record; then each server's
 * resident memory, the database size per patient, and `npm run audit:verify` (time, peak RSS).
 * One growing database measured step after step compared minutes apart on a machine whose
 * speed drifts by half in that time (a first step measured on a cold server even came out
 * slower than the last).
 * BENCH_SCALE_MAX (default 100000) stops earlier: BENCH_SCALE_MAX=10000 is the quick check.
 * Targets are reported met or not, never asserted.
 */
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import pg from "pg";
import { startApp, stop } from "./app-server";
import { copyPatients } from "./copy-synthetic";
import { freshDatabase } from "./database";
import { patientId } from "./load-synthetic";
import { keepAlive, measure, readLoadAverage, residentMb, residentTotal, timedGet } from "./page-measure";
import { signedInCookie } from "./session-cookie";
import { median, percentile } from "./stats";

const APP_PORT = 3193;
const DOCS = 50;
const REQUESTS = Number(process.env.BENCH_SCALE_REQUESTS ?? 100);
const MAX = Number(process.env.BENCH_SCALE_MAX ?? 100_000);
const WARMUP = Number(process.env.BENCH_SCALE_WARMUP ?? 1_000);
const ROUNDS = Number(process.env.BENCH_SCALE_ROUNDS ?? 5);
const STEPS = [1_000, 10_000, 100_000].filter((n) => n <= MAX);
const TARGET_GROWTH = 1.3;
const TARGET_RSS_MB = 400;

export type ScaleStep = {
  patients: number;
  loadSeconds: number;
  search: { p50: number; p95: number; non200: number };
  page: { p50: number; p95: number; non200: number; appCpuMs: number };
  /** The baseline: a page that reads nothing of the record, whatever the database's size. */
  floor: { p50: number; appCpuMs: number };
  rssMb: number;
  /** Every process of the server together (a cluster's primary and workers), and how many serve. */
  rssTotal: { mb: number; serving: number };
  databaseMb: number;
  kbPerPatient: number;
  verify: { seconds: number; peakRssMb: number; exitCode: number; lastLine: string };
  loadAverage: string;
};

type Size = {
  patients: number;
  db: Awaited<ReturnType<typeof freshDatabase>>;
  pool: pg.Pool;
  base: string;
  cookie: string;
  loadSeconds: number;
  app?: Awaited<ReturnType<typeof startApp>>;
  rounds: Round[];
};

export async function benchScale(serverUrl: string): Promise<ScaleStep[]> {
  const secrets = {
    APP_ENV: "production",
    AUTH_SECRET: process.env.AUTH_SECRET ?? randomBytes(32).toString("base64url"),
    STORAGE_KEY: process.env.STORAGE_KEY ?? randomBytes(32).toString("base64"),
    READS_PER_MINUTE: "100000000",
  };
  Object.assign(process.env, secrets);
  const self = patientId(1);
  const sizes: Size[] = [];
  try {
    const { database, openDatabase, setDatabase } = await import("../../src/server/db/client");
    for (const [i, patients] of STEPS.entries()) {
      const db = await freshDatabase(serverUrl, `bench_scale_${process.pid}_${patients}`);
      // This process's env() is read once: the first size's values stand for it (the session
      // cookie only needs AUTH_SECRET); each server gets its own below.
      process.env.DATABASE_URL ??= db.url;
      process.env.APP_URL ??= `http://127.0.0.1:${APP_PORT + i}`;
      setDatabase(openDatabase({ kind: "server", url: db.url }, { poolSize: 2 }));
      await database(); // migrated before the rows go in
      const cookie = await signedInCookie(self); // its session lives in this database
      const pool = new pg.Pool({ connectionString: db.url, max: 4 });
      const size: Size = { patients, db, pool, base: `http://127.0.0.1:${APP_PORT + i}`, cookie, loadSeconds: 0, rounds: [] };
      sizes.push(size);
      const t = Date.now();
      await copyPatients(pool, 1, patients, DOCS);
      // The load leaves gigabytes of dirty pages that PostgreSQL writes out in the background
      // for minutes, on the same two cores as the app: write them now, so that nothing of the
      // load runs during the measurements.
      await pool.query("CHECKPOINT");
      size.loadSeconds = (Date.now() - t) / 1000;
      console.log(`scale: loaded ${patients.toLocaleString("en")} patients × ${DOCS} documents (with history and audit rows) in ${size.loadSeconds.toFixed(1)} s`);
    }
    for (const size of sizes) {
      size.app = await startApp(Number(new URL(size.base).port), { ...secrets, DATABASE_URL: size.db.url, APP_URL: size.base });
      const pageUrl = `${size.base}/espace/documents`;
      const first = await timedGet(pageUrl, size.cookie);
      if (first.status !== 200 || !/50 document/.test(first.body)) throw new Error(`${pageUrl} answered ${first.status} without the 50 documents:\n${first.body.slice(0, 1500)}`);
      await warmUp([`${size.base}/api/fhir/R4/DocumentReference?patient=${self}&_count=20`, pageUrl], size.cookie);
    }
    // Interleaved: round r measures every size, starting with a different one each round, so a
    // busier minute of the machine falls on every size alike.
    for (let r = 0; r < ROUNDS; r++) {
      for (let k = 0; k < sizes.length; k++) {
        const size = sizes[(r + k) % sizes.length]!;
        size.rounds.push(await measureRound(size.app!, size.base, self, size.cookie));
      }
    }
    const steps: ScaleStep[] = [];
    for (const size of sizes) {
      const stored = await databaseSize(size.pool);
      const step: ScaleStep = {
        patients: size.patients,
        loadSeconds: size.loadSeconds,
        ...summarise(size.rounds),
        rssMb: residentMb(size.app!.pid),
        rssTotal: residentTotal(size.app!.pid),
        databaseMb: stored.bytes / 1024 / 1024,
        kbPerPatient: stored.bytes / 1024 / size.patients,
        verify: await timeAuditVerify(size.db.url),
        loadAverage: readLoadAverage(),
      };
      steps.push(step);
      console.log(`scale: ${size.patients.toLocaleString("en")} patients measured: ${JSON.stringify(step)}`);
    }
    return steps;
  } finally {
    for (const size of sizes) {
      if (size.app) await stop(size.app);
      await size.pool.end();
      await size.db.drop();
    }
    keepAlive.destroy();
  }
}

/**
 * A fresh server's first requests run before V8 has optimised the code (the pages bench saw a
 * page's CPU halve over its first ~2,000 requests). The first step used to be measured on that
 * cold server, which made the later steps look faster than the first: ratios of 0.6–0.7 at
 * 100k ÷ 1k. WARMUP requests of each URL, four at a time, go before any step is measured.
 */
async function warmUp(urls: string[], cookie: string) {
  for (const url of urls) {
    const headers: Record<string, string> = url.includes("/api/fhir/") ? { cookie, accept: "application/fhir+json" } : { cookie };
    let left = WARMUP;
    await Promise.all(
      Array.from({ length: 4 }, async () => {
        while (left-- > 0) {
          const response = await fetch(url, { headers });
          await response.arrayBuffer();
          if (response.status !== 200) throw new Error(`warm-up: ${url} answered ${response.status}`);
        }
      }),
    );
  }
}

type Round = { search: Awaited<ReturnType<typeof sequentialApi>>; page: Awaited<ReturnType<typeof measure>>; floor: Awaited<ReturnType<typeof measure>> };

/**
 * One round on one size: the API search, the documents page, and the baseline page
 * (/trop-de-demandes: the root layout, the session and the unread count, nothing of the record),
 * each REQUESTS requests one after the other. A single pass of 100 requests lasts a few seconds,
 * and the same figure measured twice minutes apart gave 15 and 23 ms on this machine: each
 * figure is the median of ROUNDS rounds, interleaved with the other sizes' rounds.
 */
async function measureRound(app: Awaited<ReturnType<typeof startApp>>, base: string, self: string, cookie: string): Promise<Round> {
  return {
    search: await sequentialApi(`${base}/api/fhir/R4/DocumentReference?patient=${self}&_count=20`, cookie),
    page: await measure("/espace/documents", `${base}/espace/documents`, cookie, 1, REQUESTS, app),
    floor: await measure("/trop-de-demandes", `${base}/trop-de-demandes`, cookie, 1, REQUESTS, app),
  };
}

function summarise(rounds: Round[]): Pick<ScaleStep, "search" | "page" | "floor"> {
  const mid = (values: number[]) => median(values);
  return {
    search: {
      p50: mid(rounds.map((r) => r.search.p50)),
      p95: mid(rounds.map((r) => r.search.p95)),
      non200: rounds.reduce((n, r) => n + r.search.non200, 0),
    },
    page: {
      p50: mid(rounds.map((r) => r.page.totalMedian)),
      p95: mid(rounds.map((r) => r.page.totalP95)),
      non200: rounds.reduce((n, r) => n + r.page.non200, 0),
      appCpuMs: mid(rounds.map((r) => r.page.appCpuMsPerRequest)),
    },
    floor: { p50: mid(rounds.map((r) => r.floor.totalMedian)), appCpuMs: mid(rounds.map((r) => r.floor.appCpuMsPerRequest)) },
  };
}

/** The FHIR API search as the store part asks it, one request after the other. */
async function sequentialApi(url: string, cookie: string) {
  const headers = { cookie, accept: "application/fhir+json" };
  for (let i = 0; i < 10; i++) await (await fetch(url, { headers })).arrayBuffer(); // warm-up
  const times: number[] = [];
  let non200 = 0;
  for (let i = 0; i < REQUESTS; i++) {
    const started = performance.now();
    const response = await fetch(url, { headers });
    await response.arrayBuffer();
    times.push(performance.now() - started);
    if (response.status !== 200) non200++;
  }
  return { p50: median(times), p95: percentile(times, 95), non200 };
}

async function databaseSize(pool: pg.Pool) {
  const { rows } = await pool.query<{ bytes: string }>("SELECT pg_database_size(current_database())::text AS bytes");
  return { bytes: Number(rows[0]!.bytes) };
}

/**
 * `npm run audit:verify` on the bench's database, under /usr/bin/time -v: its wall time and the
 * peak resident memory of its largest process (tsx runs the script in a child node). Its output
 * (one line per chain) is counted, not kept.
 */
function timeAuditVerify(url: string): Promise<ScaleStep["verify"]> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const child = spawn("/usr/bin/time", ["-v", "npm", "run", "--silent", "audit:verify"], {
      env: { ...process.env, DATABASE_URL: url, APP_ENV: "production" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let tail = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (tail = (tail + d.toString()).slice(-2000)));
    child.stderr.on("data", (d: Buffer) => (stderr = (stderr + d.toString()).slice(-8000)));
    child.on("error", reject);
    child.on("close", (code) => {
      const peak = /Maximum resident set size \(kbytes\): (\d+)/.exec(stderr);
      const lastLine = tail.trim().split("\n").at(-1) ?? "";
      if (!peak) return reject(new Error(`audit:verify: no peak memory in:\n${stderr}`));
      resolve({ seconds: (Date.now() - started) / 1000, peakRssMb: Number(peak[1]) / 1024, exitCode: code ?? -1, lastLine });
    });
  });
}

export function reportScale(steps: ScaleStep[]) {
  const f = (v: number, d = 1) => v.toFixed(d).padStart(7);
  console.log(
    `\nscale: ${DOCS} documents per patient, median of ${ROUNDS} rounds of ${REQUESTS} sequential requests per figure, one signed-in patient (the same at every step); baseline: /trop-de-demandes, which reads nothing of the record`,
  );
  console.log("patients    load s  search p50/p95 ms   page p50/p95 ms   page CPU ms  baseline p50/CPU ms  server RSS MB  DB MB  kB/patient  verify s  verify peak MB  load average");
  for (const s of steps) {
    console.log(
      `${s.patients.toLocaleString("en").padStart(8)} ${f(s.loadSeconds)}  ${f(s.search.p50)} ${f(s.search.p95)}  ${f(s.page.p50)} ${f(s.page.p95)}  ${f(s.page.appCpuMs)}      ${f(s.floor.p50)} ${f(s.floor.appCpuMs)}   ${f(s.rssMb)}   ${f(s.databaseMb, 0)} ${f(s.kbPerPatient)}   ${f(s.verify.seconds)}  ${f(s.verify.peakRssMb)}     ${s.loadAverage}`,
    );
  }
  for (const s of steps) console.log(`  at ${s.patients.toLocaleString("en")}: server RSS ${s.rssMb.toFixed(0)} MB for the largest of ${s.rssTotal.serving} serving process${s.rssTotal.serving > 1 ? "es" : ""}, ${s.rssTotal.mb.toFixed(0)} MB for all of them`);
  for (const s of steps) {
    if (s.search.non200 + s.page.non200 > 0) console.log(`  at ${s.patients}: non-200 answers: search ${s.search.non200}, page ${s.page.non200}`);
    console.log(`  audit:verify at ${s.patients.toLocaleString("en")} (exit ${s.verify.exitCode}): ${s.verify.lastLine}`);
  }
  const first = steps[0];
  const last = steps.at(-1);
  if (!first || !last || first === last) return;
  const size = `${last.patients / 1000}k`;
  const lines = [
    [`API search p50 ${size} / 1k: ${(last.search.p50 / first.search.p50).toFixed(2)}`, last.search.p50 / first.search.p50 <= TARGET_GROWTH, `≤ ${TARGET_GROWTH}`],
    [`documents page p50 ${size} / 1k: ${(last.page.p50 / first.page.p50).toFixed(2)}`, last.page.p50 / first.page.p50 <= TARGET_GROWTH, `≤ ${TARGET_GROWTH}`],
    [`server resident memory after ${size}, the largest process: ${last.rssMb.toFixed(0)} MB`, last.rssMb <= TARGET_RSS_MB, `≤ ${TARGET_RSS_MB} MB per process`],
    [`audit:verify at ${size}: exit ${last.verify.exitCode}, every chain intact`, last.verify.exitCode === 0, "exit 0"],
  ] as const;
  // The same ratios against the baseline page measured in the same rounds: what the size adds,
  // with the machine's own drift between steps divided out.
  const againstBaseline = (step: ScaleStep, p50: number) => p50 / step.floor.p50;
  console.log(
    `\nagainst the baseline page: API search ${size} / 1k ${(againstBaseline(last, last.search.p50) / againstBaseline(first, first.search.p50)).toFixed(2)}, documents page ${size} / 1k ${(againstBaseline(last, last.page.p50) / againstBaseline(first, first.page.p50)).toFixed(2)}; baseline page itself ${size} / 1k ${(last.floor.p50 / first.floor.p50).toFixed(2)}`,
  );
  console.log("\ntargets (scale)");
  for (const [text, met, target] of lines) console.log(`  ${met ? "met    " : "NOT met"}  ${text} (target ${target})`);
}
