/**
 * The documents page (issue 4): a patient with 5,000 documents among 1,000 patients, the
 * production app on a real PostgreSQL. Measures the server-rendered page as a browser gets it
 * (cookie, HTML): time to first byte and to the last byte, median and p95, over sequential
 * requests and under 10 concurrent clients; and the JavaScript the page ships, from the
 * <script src> tags of its HTML, fetched from the running server and compressed here as a
 * server would send it (gzip level 6, Next's own compression, and brotli quality 11).
 */
import { randomBytes } from "node:crypto";
import type { ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import http from "node:http";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import pg from "pg";
import { startApp, stop } from "./app-server";
import { freshDatabase } from "./database";
import { loadPatients, patientId } from "./load-synthetic";
import { signedInCookie } from "./session-cookie";
import { median, percentile } from "./stats";

const APP_PORT = 3192;
const DOCS_FOR_ONE = 5_000;
const OTHER_PATIENTS = 999;
const DOCS_FOR_OTHERS = 50;
const SEQUENTIAL = Number(process.env.BENCH_PAGE_REQUESTS ?? 200);
const CONCURRENCY = 10;
const TARGET_P95_MS = 200;
const TARGET_JS_KB = 150;

export type Timing = {
  label: string;
  requests: number;
  ttfbMedian: number;
  ttfbP95: number;
  totalMedian: number;
  totalP95: number;
  non200: number;
  /** CPU time of the app's process per request (user + system): what the page costs, whatever else runs on the machine. */
  appCpuMsPerRequest: number;
};
export type JsWeight = { files: number; rawBytes: number; gzipBytes: number; brotliBytes: number; inlineScriptBytes: number };
export type DocumentsPageResult = { timings: Timing[]; js: JsWeight; documents: number };

/** One GET: milliseconds to the first byte of the body and to its end, and the body. */
function timedGet(url: string, cookie: string): Promise<{ status: number; ttfb: number; total: number; body: string }> {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const ms = () => Number(process.hrtime.bigint() - started) / 1e6;
    const request = http.get(url, { headers: { cookie, accept: "text/html", "accept-encoding": "identity" }, agent: keepAlive }, (response) => {
      let ttfb = -1;
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => {
        if (ttfb < 0) ttfb = ms();
        chunks.push(chunk);
      });
      response.on("end", () => resolve({ status: response.statusCode ?? 0, ttfb: ttfb < 0 ? ms() : ttfb, total: ms(), body: Buffer.concat(chunks).toString("utf8") }));
      response.on("error", reject);
    });
    request.on("error", reject);
  });
}

const keepAlive = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });

/** The CPU milliseconds a process has used (Linux /proc; 0 elsewhere). */
function cpuMs(pid: number | undefined): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime + stime, in clock ticks of 1/100 s
  } catch {
    return 0;
  }
}

async function measure(label: string, url: string, cookie: string, concurrency: number, total: number, app: ChildProcess): Promise<Timing> {
  for (let i = 0; i < 10; i++) await timedGet(url, cookie); // warm-up: compiled routes, caches, pools
  const cpuBefore = cpuMs(app.pid);
  const ttfbs: number[] = [];
  const totals: number[] = [];
  let non200 = 0;
  let next = 0;
  async function worker() {
    while (next < total) {
      next++;
      const answer = await timedGet(url, cookie);
      if (answer.status !== 200) non200++;
      ttfbs.push(answer.ttfb);
      totals.push(answer.total);
    }
  }
  await Promise.all(Array.from({ length: concurrency }, worker));
  const appCpuMsPerRequest = (cpuMs(app.pid) - cpuBefore) / ttfbs.length;
  return {
    appCpuMsPerRequest,
    label,
    requests: ttfbs.length,
    ttfbMedian: median(ttfbs),
    ttfbP95: percentile(ttfbs, 95),
    totalMedian: median(totals),
    totalP95: percentile(totals, 95),
    non200,
  };
}

/** The script files the page's HTML references, fetched from the server, and their compressed weight. */
async function javascriptWeight(base: string, html: string): Promise<JsWeight> {
  // `nomodule` scripts (Next's legacy polyfills) are skipped by every browser that runs modules.
  const tags = [...html.matchAll(/<script\b([^>]*)>/g)].map((m) => m[1]!).filter((attrs) => !/\bnomodule\b/i.test(attrs));
  const sources = [...new Set(tags.map((attrs) => /\bsrc="([^"]+)"/.exec(attrs)?.[1]?.replace(/&amp;/g, "&")).filter((src): src is string => !!src))];
  let rawBytes = 0;
  let gzipBytes = 0;
  let brotliBytes = 0;
  for (const src of sources) {
    const response = await fetch(new URL(src, base), { headers: { "accept-encoding": "identity" } });
    if (!response.ok) throw new Error(`${src} answered ${response.status}`);
    const bytes = Buffer.from(await response.arrayBuffer());
    rawBytes += bytes.length;
    gzipBytes += gzipSync(bytes, { level: 6 }).length;
    brotliBytes += brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  }
  // The inline scripts are the page's data for React (the RSC payload), not code: counted apart.
  const inlineScriptBytes = [...html.matchAll(/<script\b(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].reduce((n, m) => n + Buffer.byteLength(m[1]!), 0);
  return { files: sources.length, rawBytes, gzipBytes, brotliBytes, inlineScriptBytes };
}

export async function benchDocumentsPage(serverUrl: string): Promise<DocumentsPageResult> {
  const db = await freshDatabase(serverUrl, `bench_docs_${process.pid}`);
  const secretsEnv = {
    APP_ENV: "production",
    DATABASE_URL: db.url,
    // Kept when the store benchmark ran first in this process: the secrets module reads them once.
    AUTH_SECRET: process.env.AUTH_SECRET ?? randomBytes(32).toString("base64url"),
    STORAGE_KEY: process.env.STORAGE_KEY ?? randomBytes(32).toString("base64"),
    APP_URL: `http://127.0.0.1:${APP_PORT}`,
  };
  Object.assign(process.env, secretsEnv);
  const pool = new pg.Pool({ connectionString: db.url, max: 4 });
  try {
    const { database, openDatabase, setDatabase } = await import("../../src/server/db/client");
    setDatabase(openDatabase({ kind: "server", url: db.url }, { poolSize: 2 }));
    await database(); // migrated before the rows go in
    let t = Date.now();
    await loadPatients(pool, 1, 1, DOCS_FOR_ONE);
    await loadPatients(pool, 2, 1 + OTHER_PATIENTS, DOCS_FOR_OTHERS);
    console.log(
      `documents page: loaded 1 patient × ${DOCS_FOR_ONE.toLocaleString("en")} documents and ${OTHER_PATIENTS} × ${DOCS_FOR_OTHERS} in ${((Date.now() - t) / 1000).toFixed(1)} s`,
    );
    const cookie = await signedInCookie(patientId(1));
    const app = await startApp(APP_PORT, secretsEnv);
    try {
      const base = `http://127.0.0.1:${APP_PORT}`;
      const page = `${base}/espace/documents`;
      const first = await timedGet(page, cookie);
      if (first.status !== 200 || !/5[\s\u202f\u00a0]000 document/.test(first.body)) {
        throw new Error(`${page} answered ${first.status} without the 5,000 documents:\n${first.body.slice(0, 2000)}`);
      }
      t = Date.now();
      const timings = [
        await measure("/espace/documents, sequential", page, cookie, 1, SEQUENTIAL, app),
        await measure(`/espace/documents, ${CONCURRENCY} concurrent`, page, cookie, CONCURRENCY, SEQUENTIAL, app),
        await measure("?categorie=lab (filter), sequential", `${page}?categorie=lab`, cookie, 1, SEQUENTIAL, app),
        await measure("?q=4321 (a word in one PDF), sequential", `${page}?q=4321`, cookie, 1, SEQUENTIAL, app),
        await measure("?q=Document&page=50 (in all 5,000), sequential", `${page}?q=Document&page=50`, cookie, 1, SEQUENTIAL, app),
      ];
      const js = await javascriptWeight(base, first.body);
      console.log(`documents page: measured in ${((Date.now() - t) / 1000).toFixed(1)} s`);
      return { timings, js, documents: DOCS_FOR_ONE };
    } finally {
      await stop(app);
    }
  } finally {
    keepAlive.destroy();
    await pool.end();
    await db.drop();
  }
}

export function reportDocumentsPage(result: DocumentsPageResult) {
  const ms = (v: number) => `${v.toFixed(1).padStart(6)} ms`;
  const load = readLoadAverage();
  console.log(`\nload average during the run: ${load} on this machine (figures are noisy when other work runs)`);
  console.log(`documents page, patient with ${result.documents.toLocaleString("en")} documents   TTFB median / p95      full page median / p95`);
  for (const r of result.timings) {
    console.log(
      `  ${r.label.padEnd(52)} ${ms(r.ttfbMedian)} ${ms(r.ttfbP95)}    ${ms(r.totalMedian)} ${ms(r.totalP95)}   app CPU ${r.appCpuMsPerRequest.toFixed(1)} ms/request (${r.requests} requests, non-200 ${r.non200})`,
    );
  }
  const kb = (b: number) => `${(b / 1024).toFixed(1)} kB`;
  const { js } = result;
  console.log(
    `  JavaScript: ${js.files} files, ${kb(js.rawBytes)} raw, ${kb(js.gzipBytes)} gzip, ${kb(js.brotliBytes)} brotli; inline page data ${kb(js.inlineScriptBytes)} raw`,
  );
  const sequential = result.timings[0]!;
  const concurrent = result.timings[1]!;
  const lines = [
    [`documents page TTFB p95, sequential: ${sequential.ttfbP95.toFixed(1)} ms`, sequential.ttfbP95 < TARGET_P95_MS, `< ${TARGET_P95_MS} ms`],
    [`documents page TTFB p95, ${CONCURRENCY} concurrent: ${concurrent.ttfbP95.toFixed(1)} ms`, concurrent.ttfbP95 < TARGET_P95_MS, `< ${TARGET_P95_MS} ms`],
    [`documents page JavaScript, gzip: ${kb(js.gzipBytes)}`, js.gzipBytes < TARGET_JS_KB * 1024, `< ${TARGET_JS_KB} kB`],
  ] as const;
  console.log("\ntargets (documents page)");
  for (const [text, met, target] of lines) console.log(`  ${met ? "met    " : "NOT met"}  ${text} (target ${target})`);
}

function readLoadAverage(): string {
  try {
    return readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" ");
  } catch {
    return "unknown";
  }
}
