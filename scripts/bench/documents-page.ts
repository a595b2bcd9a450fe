/**
 * The documents page (issue 4): a patient with 5,000 documents among 1,000 patients, the
 * production app on a real PostgreSQL. Measures the server-rendered page as a browser gets it
 * (cookie, HTML): time to first byte and to the last byte, median and p95, over sequential
 * requests and under 10 concurrent clients; and the JavaScript the page ships, from the
 * <script src> tags of its HTML, fetched from the running server and compressed here as a
 * server would send it (gzip level 6, Next's own compression, and brotli quality 11).
 */
import { randomBytes } from "node:crypto";
import pg from "pg";
import { startApp, stop } from "./app-server";
import { freshDatabase } from "./database";
import { loadPatients, patientId } from "./load-synthetic";
import { CONCURRENCY, javascriptWeight, keepAlive, measure, readLoadAverage, timedGet, type JsWeight, type Timing } from "./page-measure";
import { signedInCookie } from "./session-cookie";

const APP_PORT = 3192;
const DOCS_FOR_ONE = 5_000;
const OTHER_PATIENTS = 999;
const DOCS_FOR_OTHERS = 50;
const SEQUENTIAL = Number(process.env.BENCH_PAGE_REQUESTS ?? 200);
const TARGET_P95_MS = 200;
const TARGET_JS_KB = 150;

export type DocumentsPageResult = { timings: Timing[]; js: JsWeight; documents: number };

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
