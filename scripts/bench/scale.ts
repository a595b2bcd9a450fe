/**
 * `npm run bench -- scale` (issue 16, "Flat to 100,000 patients"): loads synthetic patients × 50
 * documents with COPY (scripts/bench/copy-synthetic.ts: resources, history, chained audit rows)
 * in steps of 1,000 → 10,000 → 100,000, and at each step measures, on the production build and
 * the machine's PostgreSQL, as one signed-in patient (the same one at every step):
 * the FHIR API search and the documents page with sequential requests (p50, p95), the server's
 * resident memory, the database size per patient, and `npm run audit:verify` (time, peak RSS).
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
import { keepAlive, measure, readLoadAverage, residentMb, timedGet } from "./page-measure";
import { signedInCookie } from "./session-cookie";
import { median, percentile } from "./stats";

const APP_PORT = 3193;
const DOCS = 50;
const REQUESTS = Number(process.env.BENCH_SCALE_REQUESTS ?? 100);
const MAX = Number(process.env.BENCH_SCALE_MAX ?? 100_000);
const STEPS = [1_000, 10_000, 100_000].filter((n) => n <= MAX);
const TARGET_GROWTH = 1.3;
const TARGET_RSS_MB = 400;

export type ScaleStep = {
  patients: number;
  loadSeconds: number;
  search: { p50: number; p95: number; non200: number };
  page: { p50: number; p95: number; non200: number; appCpuMs: number };
  rssMb: number;
  databaseMb: number;
  kbPerPatient: number;
  verify: { seconds: number; peakRssMb: number; exitCode: number; lastLine: string };
  loadAverage: string;
};

export async function benchScale(serverUrl: string): Promise<ScaleStep[]> {
  const db = await freshDatabase(serverUrl, `bench_scale_${process.pid}`);
  const secretsEnv = {
    APP_ENV: "production",
    DATABASE_URL: db.url,
    AUTH_SECRET: process.env.AUTH_SECRET ?? randomBytes(32).toString("base64url"),
    STORAGE_KEY: process.env.STORAGE_KEY ?? randomBytes(32).toString("base64"),
    APP_URL: `http://127.0.0.1:${APP_PORT}`,
    READS_PER_MINUTE: "100000000",
  };
  Object.assign(process.env, secretsEnv);
  const pool = new pg.Pool({ connectionString: db.url, max: 4 });
  const steps: ScaleStep[] = [];
  let app: Awaited<ReturnType<typeof startApp>> | undefined;
  try {
    const { database, openDatabase, setDatabase } = await import("../../src/server/db/client");
    setDatabase(openDatabase({ kind: "server", url: db.url }, { poolSize: 2 }));
    await database(); // migrated before the rows go in
    const self = patientId(1);
    let cookie = "";
    let loaded = 0;
    for (const size of STEPS) {
      const t = Date.now();
      await copyPatients(pool, loaded + 1, size, DOCS);
      const loadSeconds = (Date.now() - t) / 1000;
      console.log(`scale: loaded patients ${(loaded + 1).toLocaleString("en")}–${size.toLocaleString("en")} × ${DOCS} documents (with history and audit rows) in ${loadSeconds.toFixed(1)} s`);
      loaded = size;
      if (!app) {
        cookie = await signedInCookie(self);
        app = await startApp(APP_PORT, secretsEnv);
      }
      const base = `http://127.0.0.1:${APP_PORT}`;
      const search = await sequentialApi(`${base}/api/fhir/R4/DocumentReference?patient=${self}&_count=20`, cookie);
      const pageUrl = `${base}/espace/documents`;
      const first = await timedGet(pageUrl, cookie);
      if (first.status !== 200 || !/50 document/.test(first.body)) throw new Error(`${pageUrl} answered ${first.status} without the 50 documents:\n${first.body.slice(0, 1500)}`);
      const page = await measure("/espace/documents", pageUrl, cookie, 1, REQUESTS, app);
      const sizes = await databaseSize(pool);
      const verify = await timeAuditVerify(db.url);
      const step: ScaleStep = {
        patients: size,
        loadSeconds,
        search,
        page: { p50: page.totalMedian, p95: page.totalP95, non200: page.non200, appCpuMs: page.appCpuMsPerRequest },
        rssMb: residentMb(app.pid),
        databaseMb: sizes.bytes / 1024 / 1024,
        kbPerPatient: sizes.bytes / 1024 / size,
        verify,
        loadAverage: readLoadAverage(),
      };
      steps.push(step);
      console.log(`scale: ${size.toLocaleString("en")} patients measured: ${JSON.stringify(step)}`);
    }
    return steps;
  } finally {
    if (app) await stop(app);
    keepAlive.destroy();
    await pool.end();
    await db.drop();
  }
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
  console.log(`\nscale: ${DOCS} documents per patient, ${REQUESTS} sequential requests per figure, one signed-in patient (the same at every step)`);
  console.log("patients    load s  search p50/p95 ms   page p50/p95 ms   page CPU ms  server RSS MB  DB MB  kB/patient  verify s  verify peak MB  load average");
  for (const s of steps) {
    console.log(
      `${s.patients.toLocaleString("en").padStart(8)} ${f(s.loadSeconds)}  ${f(s.search.p50)} ${f(s.search.p95)}  ${f(s.page.p50)} ${f(s.page.p95)}  ${f(s.page.appCpuMs)}   ${f(s.rssMb)}   ${f(s.databaseMb, 0)} ${f(s.kbPerPatient)}   ${f(s.verify.seconds)}  ${f(s.verify.peakRssMb)}     ${s.loadAverage}`,
    );
  }
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
    [`server resident memory after ${size}: ${last.rssMb.toFixed(0)} MB`, last.rssMb <= TARGET_RSS_MB, `≤ ${TARGET_RSS_MB} MB`],
    [`audit:verify at ${size}: exit ${last.verify.exitCode}, every chain intact`, last.verify.exitCode === 0, "exit 0"],
  ] as const;
  console.log("\ntargets (scale)");
  for (const [text, met, target] of lines) console.log(`  ${met ? "met    " : "NOT met"}  ${text} (target ${target})`);
}
