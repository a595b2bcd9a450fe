/**
 * Every page as its usual visitor (issue 16): the production build on the machine's PostgreSQL,
 * with the data of pages-world.ts (a patient with 5,000 documents, a professional with 2,000
 * patients, a caregiver with 3 spaces, a pharmacist on a shared link). For each page:
 *   - the app process's CPU per request and TTFB p50/p95 over sequential requests;
 *   - throughput and p50/p99 at 50 connections (autocannon);
 *   - the HTML's bytes (raw and gzip) and the JavaScript its <script src> tags load (gzip).
 * The FHIR API search is driven in the same run, between the pages, so the ratio
 * "page/s ÷ API searches/s" compares figures taken under the same machine load. A page the build
 * does not have yet (404) is listed as absent, not measured. Targets are reported, never asserted.
 */
import { gzipSync } from "node:zlib";
import pg from "pg";
import { startApp, stop } from "./app-server";
import { benchAppEnv, freshDatabase } from "./database";
import { drive, warmUp, type LoadResult } from "./drive";
import { cpuMs, javascriptWeight, keepAlive, measure, readLoadAverage, residentMb, residentTotal, timedGet, type JsWeight, type Timing } from "./page-measure";
import { buildPagesWorld, MAIN_DOCUMENTS, PRO_PATIENTS, TRAIL_ROWS, type PagesWorld } from "./pages-world";
import { halfBinomialUpperTail, median } from "./stats";

const APP_PORT = 3193;
const SEQUENTIAL = Number(process.env.BENCH_PAGE_REQUESTS ?? 100);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const TARGETS = { cpuMs: 8, shareOfApi: 0.2, p99Ms: 250, jsGzipKb: 100 };
/**
 * "No page slower than the documents page" is judged in rounds: one pass per page, minutes
 * apart, could not say it (the same documents page with a filter came out 46 % slower than
 * without). Each round measures every page, a request to each in turn (compareInRounds says
 * why), and each page's figures are divided by the documents page's of the same round; each pass
 * is also one paired trial of the page against the documents page (slowerThanDocuments). The time compared
 * is the whole page's (to its last byte), not the first byte's: a page that streams its top
 * early (the documents list) and one that sends everything at once (a prescription) differ
 * in TTFB by how they flush, not by how long a person waits (first run: the prescription's
 * TTFB came out 2.3 times the documents page's for 1.1 times its CPU).
 */
const ROUNDS = Number(process.env.BENCH_PAGES_ROUNDS ?? 5);
/**
 * 160 passes a round, 800 in all, so that the sign test sees a page that is a little slower: once
 * 22 pages share the 5 %, it calls a page slower from 441 passes of 800, which a page slower in
 * 57 % of the passes (about 2-3 % slower: the caregiver's documents underneath) reaches in 87 % of
 * runs, against 18 % with 200 passes (121 of 200 needed). Run 93, with 200, found the caregiver's
 * documents slower in 59 % of them (p = 0.007) and could not call it slower. The 5 rounds of 23
 * pages took 65-77 s in runs 96-97 (fast phases of this machine), longer in its slow ones.
 */
const ROUND_REQUESTS = Number(process.env.BENCH_PAGES_ROUND_REQUESTS ?? 160);
/** Seconds of every page and the API search in turn before anything is measured (drive.ts, warmUp, says why). */
const WARM_SECONDS = Number(process.env.BENCH_WARM_SECONDS ?? 20);

type PageSpec = { key: string; visitor: "patient" | "practitioner" | "caregiver" | "pharmacist" | "anonymous"; path: string };

function pagesOf(world: PagesWorld): PageSpec[] {
  const p = (key: string, path: string): PageSpec => ({ key, visitor: "patient", path });
  return [
    // What every page pays before its own content: the frame (session, unread count, header and
    // footer) around a page that reads nothing. Every page is now served by the Pages Router
    // without runtime JavaScript; the App Router's floor row (/invitation/invalide, 136 kB of
    // JavaScript) went with the last of its pages (its figures: measured/pages-2026-12-02-passkeys.txt).
    p("empty page (floor)", "/trop-de-demandes"),
    p("home", "/espace"),
    p("documents", "/espace/documents"),
    p("documents filtered", "/espace/documents?categorie=lab"),
    p("document", `/espace/documents/${world.documentId}`),
    p("prescriptions", "/espace/ordonnances"),
    p("prescription", `/espace/ordonnances/${world.prescriptionId}`),
    p("history", "/espace/historique"),
    p("sharing", "/espace/partage"),
    p("relatives", "/espace/proches"),
    p("prevention", "/espace/prevention"),
    p("vaccination record", "/espace/prevention/carnet"),
    // The form with an inline script for its progress (upload-behaviour.ts).
    p("upload form", "/espace/documents/ajouter"),
    p("notifications", "/espace/notifications"),
    p("messages", "/espace/messages"),
    p("account", "/espace/compte"),
    // The page that offers the copy of one's record (the copy itself is a POST, a download).
    p("record copy", "/espace/copie"),
    { key: "pro home", visitor: "practitioner", path: "/pro" },
    { key: "pro patient record", visitor: "practitioner", path: `/pro/patients/${world.patientId}` },
    // The record's prevention tab: it was a section of the record itself until run 69.
    { key: "pro patient prevention", visitor: "practitioner", path: `/pro/patients/${world.patientId}/prevention` },
    { key: "caregiver home", visitor: "caregiver", path: "/espace" },
    { key: "caregiver documents", visitor: "caregiver", path: "/espace/documents" },
    { key: "pharmacist link", visitor: "pharmacist", path: `/p/${world.link.id}` },
    // The page every person opens first, before any session.
    { key: "sign-in", visitor: "anonymous", path: "/connexion" },
  ];
}

export type PageResult = {
  key: string;
  visitor: PageSpec["visitor"];
  path: string;
  absent?: true;
  failed?: string;
  sequential?: Timing;
  load?: LoadResult;
  htmlBytes?: number;
  htmlGzipBytes?: number;
  js?: JsWeight;
  /** The app's resident memory after this page's load step, MB. */
  rssMb?: number;
  /** Every process of the server together (the cluster's primary and workers). */
  rssTotalMb?: number;
  /** The API search's rounds measured just before and just after this page's (indexes into apiSearch). */
  apiRounds?: [number, number];
  /**
   * Per round: this page's p50 (whole page) and app CPU divided by the documents page's in the
   * same round. Over every pass of every round: in how many this page took longer than the
   * documents page (slower) or less (faster), and its p50 over all of them divided by the
   * documents page's (the sign test of compareInRounds says why).
   */
  againstDocuments?: { p50: number[]; cpu: number[]; documentsP50: number[]; slower: number; faster: number; pooledP50: number };
};
export type PagesResult = {
  pages: PageResult[];
  apiSearch: LoadResult[];
  loadAverage: string;
  /** From spawning the built server (as `npm start` runs it on a built tree) to its first page served, ms. */
  startToFirstPageMs: number;
  rssAfterStartMb: number;
  rssTotalAfterStart: { mb: number; serving: number };
};

/** The figures, or undefined when the world was only held (BENCH_PAGES_HOLD) and nothing measured. */
export async function benchPages(serverUrl: string): Promise<PagesResult | undefined> {
  const db = await freshDatabase(serverUrl, `bench_pages_${process.pid}`);
  const appUrl = `http://127.0.0.1:${APP_PORT}`;
  const secretsEnv = benchAppEnv(db.url, appUrl);
  const pool = new pg.Pool({ connectionString: db.url, max: 4 });
  try {
    const { database, openDatabase, setDatabase } = await import("../../src/server/db/client");
    setDatabase(openDatabase({ kind: "server", url: db.url }, { poolSize: 2 }));
    await database();
    let t = Date.now();
    const world = await buildPagesWorld(pool, appUrl);
    console.log(`pages: loaded a patient with ${MAIN_DOCUMENTS} documents and ${TRAIL_ROWS} rows in her trail, a professional with ${PRO_PATIENTS} patients, a caregiver with 3 spaces in ${((Date.now() - t) / 1000).toFixed(1)} s`);
    const spawned = Date.now();
    const app = await startApp(APP_PORT, secretsEnv);
    try {
      const cookieOf = (visitor: PageSpec["visitor"]) =>
        visitor === "pharmacist" ? world.link.cookie : visitor === "anonymous" ? "" : world.cookies[visitor];
      const search = {
        url: `${appUrl}/api/fhir/R4/DocumentReference?patient=${world.patientId}&_count=20`,
        headers: { cookie: world.cookies.patient, accept: "application/fhir+json" },
      };
      // Held, then let go: the server stops and the database goes (the finally blocks), nothing is measured.
      if (process.env.BENCH_PAGES_HOLD) return void (await hold(world, secretsEnv, pagesOf(world), cookieOf));
      const firstPage = await timedGet(`${appUrl}/espace`, world.cookies.patient);
      if (firstPage.status !== 200) throw new Error(`the first page answered ${firstPage.status}`);
      const startToFirstPageMs = Date.now() - spawned;
      const rssAfterStartMb = residentMb(app.pid);
      const rssTotalAfterStart = residentTotal(app.pid);
      // BENCH_PAGES=home,documents measures only those pages (to profile or compare a change).
      const only = process.env.BENCH_PAGES?.split(",").map((key) => key.trim());
      const specs = pagesOf(world).filter((page) => !only || only.includes(page.key));
      t = Date.now();
      const warmed = [...specs.map((spec) => ({ path: spec.path, headers: { cookie: cookieOf(spec.visitor), accept: "text/html" } })), { path: search.url.slice(appUrl.length), headers: search.headers }];
      await warmUp(appUrl, warmed, WARM_SECONDS);
      if (WARM_SECONDS > 0) console.log(`pages: every page and the API search in turn for ${((Date.now() - t) / 1000).toFixed(0)} s before measuring (BENCH_WARM_SECONDS)`);
      const apiSearch: LoadResult[] = [await drive("API search", search.url, search.headers, SECONDS)];
      const pages: PageResult[] = [];
      t = Date.now();
      for (const spec of specs) {
        const cookie = cookieOf(spec.visitor);
        const url = `${appUrl}${spec.path}`;
        const first = await timedGet(url, cookie);
        if (first.status === 404) {
          pages.push({ ...spec, absent: true });
          continue;
        }
        if (first.status !== 200) throw new Error(`${spec.path} as ${spec.visitor} answered ${first.status}:\n${first.body.slice(0, 1500)}`);
        try {
          // The load step first: its hundreds of requests warm the page's code up (V8 compiles
          // a function optimised only after many calls), so the sequential step that follows
          // measures the CPU a page costs on a server that has been running, not on a cold one
          // (the first figures of this bench, taken after 10 requests, were up to 2× higher).
          const load = await drive(spec.key, url, { cookie, accept: "text/html" }, SECONDS);
          const sequential = await measure(spec.key, url, cookie, 1, SEQUENTIAL, app);
          const html = Buffer.from(first.body);
          pages.push({ ...spec, sequential, load, apiRounds: [apiSearch.length - 1, apiSearch.length], rssMb: residentMb(app.pid), rssTotalMb: residentTotal(app.pid).mb, htmlBytes: html.length, htmlGzipBytes: gzipSync(html, { level: 6 }).length, js: await javascriptWeight(appUrl, first.body) });
        } catch (error) {
          // One page's failure is reported with the others' figures rather than losing the run.
          pages.push({ ...spec, failed: error instanceof Error ? `${error.message} ${String(error.cause ?? "")}` : String(error) });
          continue;
        }
        // The API search again every few pages: the ratio takes the median of figures spread over the run.
        if (pages.filter((page) => page.sequential).length % 4 === 0) apiSearch.push(await drive("API search", search.url, search.headers, SECONDS));
      }
      apiSearch.push(await drive("API search", search.url, search.headers, SECONDS));
      console.log(`pages: measured in ${((Date.now() - t) / 1000).toFixed(0)} s`);
      t = Date.now();
      await compareInRounds(pages, (spec) => ({ url: `${appUrl}${spec.path}`, cookie: cookieOf(spec.visitor) }), app);
      if (ROUNDS > 0) console.log(`pages: ${ROUNDS} rounds against the documents page in ${((Date.now() - t) / 1000).toFixed(0)} s`);
      return { pages, apiSearch, loadAverage: readLoadAverage(), startToFirstPageMs, rssAfterStartMb, rssTotalAfterStart };
    } finally {
      await stop(app);
    }
  } finally {
    keepAlive.destroy();
    await pool.end();
    await db.drop();
  }
}

/**
 * ROUNDS rounds; in each, ROUND_REQUESTS passes, and in each pass one request to every measured
 * page, in an order drawn afresh for the pass. Each page's figures are divided by the documents
 * page's of the same round.
 *
 * Why one request at a time rather than a page's requests in a block: a block of 40 requests
 * lasts a quarter of a second, and this machine's speed drifts over seconds, so two blocks of the
 * same page a few seconds apart differed by more than the pages do (a prescription came out
 * slower than the documents page in every round of one run, 1.23, and 0.97 when interleaved a
 * request at a time on the same server minutes later; measured/pages-2026-12-03.txt, "Fifth
 * session"). Interleaved, a drift falls on every page alike. The order is drawn for each pass so
 * that no page always follows the same one: what a page leaves behind (garbage to collect) falls
 * on a different page each time.
 *
 * The app's CPU is read around each request (its threads' schedstat, page-measure.ts): summed
 * over a round's requests, it is each page's share of the CPU the server used.
 *
 * Whether a page is slower is a sign test over the passes (reportPages): each pass views the page
 * and the documents page a moment apart, so it is one paired trial, and a page as fast as the
 * documents page is the slower of the two in half of them, whatever the machine's noise.
 */
async function compareInRounds(pages: PageResult[], target: (spec: PageResult) => { url: string; cookie: string }, app: Parameters<typeof measure>[5]) {
  const measured = pages.filter((page) => page.sequential);
  const documents = measured.find((page) => page.key === "documents");
  if (!documents || ROUNDS <= 0) return;
  const rows = new Map(measured.map((page) => [page.key, [] as { p50: number; cpuMs: number }[]]));
  // Every page's time in each pass of every round, in pass order: the same index is the same pass.
  const passes = new Map(measured.map((page) => [page.key, [] as number[]]));
  for (const page of measured) for (let i = 0; i < 10; i++) await timedGet(target(page).url, target(page).cookie);
  for (let round = 0; round < ROUNDS; round++) {
    const totals = new Map(measured.map((page) => [page.key, [] as number[]]));
    const cpu = new Map(measured.map((page) => [page.key, 0]));
    for (let pass = 0; pass < ROUND_REQUESTS; pass++) {
      for (const page of shuffled(measured)) {
        const { url, cookie } = target(page);
        const before = cpuMs(app.pid);
        const answer = await timedGet(url, cookie);
        cpu.set(page.key, cpu.get(page.key)! + cpuMs(app.pid) - before);
        if (answer.status !== 200) throw new Error(`${page.key} answered ${answer.status} in the rounds`);
        totals.get(page.key)!.push(answer.total);
        passes.get(page.key)!.push(answer.total);
      }
    }
    for (const page of measured) rows.get(page.key)!.push({ p50: median(totals.get(page.key)!), cpuMs: cpu.get(page.key)! / ROUND_REQUESTS });
  }
  const base = rows.get("documents")!;
  for (const page of measured) {
    const own = rows.get(page.key)!;
    const times = passes.get(page.key)!;
    const documentsTimes = passes.get("documents")!;
    page.againstDocuments = {
      p50: own.map((round, i) => round.p50 / base[i]!.p50),
      cpu: own.map((round, i) => round.cpuMs / base[i]!.cpuMs),
      documentsP50: base.map((round) => round.p50),
      // A tie (the same time to the microsecond) says neither: the sign test leaves it out.
      slower: times.filter((time, pass) => time > documentsTimes[pass]!).length,
      faster: times.filter((time, pass) => time < documentsTimes[pass]!).length,
      pooledP50: median(times) / median(documentsTimes),
    };
  }
}

/** A copy in random order (Fisher–Yates). */
function shuffled<T>(items: T[]): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}

/**
 * BENCH_PAGES_HOLD=<file>: the world stays loaded and the server up, its pages and cookies
 * written to <file> as JSON, until the bench is interrupted (Ctrl-C, or SIGINT to its process):
 * to profile a page by hand or try a change without loading the data again. Interrupted, it stops
 * its server, drops its database and ends. It went on to measure every page before: a SIGINT sent
 * to its process alone started the whole bench on the held world, and a second one to stop that
 * left the database and the server behind.
 */
async function hold(world: PagesWorld, env: Record<string, string>, pages: PageSpec[], cookieOf: (visitor: PageSpec["visitor"]) => string) {
  const { writeFileSync } = await import("node:fs");
  const list = pages.map((page) => ({ ...page, url: `${env.APP_URL}${page.path}`, cookie: cookieOf(page.visitor) }));
  // The server's environment too (a throwaway database and secrets), to start another build on it.
  writeFileSync(process.env.BENCH_PAGES_HOLD!, JSON.stringify({ env, patientId: world.patientId, pages: list }, null, 2), { mode: 0o600 });
  console.log(`pages: holding; pages and cookies in ${process.env.BENCH_PAGES_HOLD}; Ctrl-C to stop`);
  await new Promise<void>((resolve) => process.once("SIGINT", () => resolve()));
}

/**
 * The chance a run may take, all pages together, of calling a page slower than the documents page
 * when it is not. Each page is judged at this divided by the number of pages compared
 * (Bonferroni): 22 pages each judged on its own at 1 in 32 ("slower in every one of 5 rounds",
 * until run 92) called one of them slower by chance in about every other run (1 - (31/32)^22),
 * so a flag said little: run 92 flagged the prescription, which no run before had. This test
 * called it slower in run 95 and not in run 94 (p = 0.08): it is slower in some phases only.
 */
const SIGN_TEST_ALPHA = 0.05;

/**
 * Slower than the documents page: in more of the paired passes than chance allows. A page as fast
 * as the documents page takes longer in half the passes (ties left out), so the count of passes it
 * was slower in is Binomial(passes, 1/2); the one-sided p-value is that count's upper tail.
 */
function slowerThanDocuments(page: PageResult, comparisons: number): boolean {
  const a = page.againstDocuments;
  if (!a || page.key === "documents") return false;
  return signTestP(a) < SIGN_TEST_ALPHA / comparisons;
}

/** The sign test's one-sided p-value: the upper tail of the passes this page was slower in. */
function signTestP(a: NonNullable<PageResult["againstDocuments"]>): number {
  return halfBinomialUpperTail(a.slower + a.faster, a.slower);
}

export function reportPages(result: PagesResult) {
  const api = median(result.apiSearch.map((r) => r.requestsPerSec));
  const apiP99 = median(result.apiSearch.map((r) => r.p99));
  console.log(`\nload average at the end: ${result.loadAverage}`);
  const peakRss = Math.max(result.rssAfterStartMb, ...result.pages.map((page) => page.rssMb ?? 0));
  console.log(`start: ${result.startToFirstPageMs} ms from spawning the built server to its first page; resident memory ${result.rssAfterStartMb.toFixed(0)} MB after start, at most ${peakRss.toFixed(0)} MB after the load steps, the largest process (target ≤ 400 MB per process: ${peakRss <= 400 ? "met" : "NOT met"})`);
  // Reported beside the target: on a PostgreSQL server the portal runs a process per core (src/server/portal-processes.ts).
  const total = result.rssTotalAfterStart;
  const peakTotal = Math.max(total.mb, ...result.pages.map((page) => page.rssTotalMb ?? 0));
  console.log(`${total.serving} process${total.serving > 1 ? "es serve (a cluster's primary beside them)" : " serves"}: all of them together ${total.mb.toFixed(0)} MB after start, at most ${peakTotal.toFixed(0)} MB after the load steps`);
  console.log(`API search DocumentReference?patient&_count=20, 50 connections: median ${api.toFixed(0)} req/s over ${result.apiSearch.length} rounds (${result.apiSearch.map((r) => r.requestsPerSec.toFixed(0)).join(", ")}), p99 ${apiP99} ms`);
  const header = `${"page".padEnd(22)} ${"visitor".padEnd(12)} ${"CPU ms".padStart(7)} ${"p50".padStart(6)} ${"p95".padStart(6)}   ${"req/s".padStart(6)} ${"÷API".padStart(5)} ${"p50".padStart(5)} ${"p99".padStart(5)} ${"non2xx".padStart(6)}   ${"HTML".padStart(7)} ${"gzip".padStart(6)} ${"JS gz".padStart(7)} ${"RSS MB".padStart(7)}`;
  console.log(`\nsequential (${SEQUENTIAL} requests): app CPU per request, TTFB p50/p95 ms; 50 connections (${SECONDS} s): req/s, share of API, p50/p99 ms; sizes in kB`);
  console.log(header);
  const kb = (b = 0) => (b / 1024).toFixed(1);
  for (const page of result.pages) {
    if (page.absent) {
      console.log(`${page.key.padEnd(22)} ${page.visitor.padEnd(12)} absent (404 in this build)`);
      continue;
    }
    if (page.failed) {
      console.log(`${page.key.padEnd(22)} ${page.visitor.padEnd(12)} FAILED: ${page.failed}`);
      continue;
    }
    const s = page.sequential!;
    const l = page.load!;
    console.log(
      `${page.key.padEnd(22)} ${page.visitor.padEnd(12)} ${s.appCpuMsPerRequest.toFixed(1).padStart(7)} ${s.ttfbMedian.toFixed(1).padStart(6)} ${s.ttfbP95.toFixed(1).padStart(6)}   ${l.requestsPerSec.toFixed(0).padStart(6)} ${((l.requestsPerSec / api) * 100).toFixed(0).padStart(4)}% ${String(l.p50).padStart(5)} ${String(l.p99).padStart(5)} ${String(l.non2xx).padStart(6)}   ${kb(page.htmlBytes).padStart(7)} ${kb(page.htmlGzipBytes).padStart(6)} ${kb(page.js?.gzipBytes).padStart(7)} ${(page.rssMb ?? 0).toFixed(0).padStart(7)}`,
    );
  }
  const measured = result.pages.filter((page) => page.sequential);
  // This machine's speed drifts over minutes (API rounds of one run: 1,008 to 1,477 req/s): each
  // page's throughput against the API rounds measured just before and after it, for information.
  // The target below is judged on the run's median, as the issue states it.
  console.log(`\nshare of the API search measured around each page (the rounds before and after it, req/s), for information:`);
  for (const page of measured) {
    const around = (page.apiRounds ?? []).map((i) => result.apiSearch[i]?.requestsPerSec).filter((rate): rate is number => rate !== undefined);
    if (around.length === 0) continue;
    const near = around.reduce((sum, rate) => sum + rate, 0) / around.length;
    console.log(`${page.key.padEnd(22)} ${((page.load!.requestsPerSec / near) * 100).toFixed(0).padStart(4)}%  (${around.map((rate) => rate.toFixed(0)).join(", ")})`);
  }
  const documents = measured.find((page) => page.key === "documents");
  const failing = (test: (page: PageResult) => boolean) => measured.filter((page) => !test(page)).map((page) => page.key);
  const lines: [string, string[]][] = [
    [`app CPU ≤ ${TARGETS.cpuMs} ms per page`, failing((page) => page.sequential!.appCpuMsPerRequest <= TARGETS.cpuMs)],
    [`every page ≥ ${TARGETS.shareOfApi * 100}% of the API search's throughput`, failing((page) => page.load!.requestsPerSec >= TARGETS.shareOfApi * api)],
    [`p99 < ${TARGETS.p99Ms} ms at 50 connections`, failing((page) => page.load!.p99 < TARGETS.p99Ms)],
    [`JavaScript ≤ ${TARGETS.jsGzipKb} kB gzip`, failing((page) => (page.js?.gzipBytes ?? 0) <= TARGETS.jsGzipKb * 1024)],
    documents?.againstDocuments
      ? [`no page slower than the documents page (sign test over ${ROUNDS * ROUND_REQUESTS} paired passes, ${SIGN_TEST_ALPHA * 100} % for the whole run)`, failing((page) => !slowerThanDocuments(page, measured.length - 1))]
      : [`no page slower than the documents page (one pass: sequential TTFB p50 ${documents?.sequential?.ttfbMedian.toFixed(1)} ms)`, documents ? failing((page) => page.sequential!.ttfbMedian <= documents.sequential!.ttfbMedian) : ["documents page absent"]],
    ["every page answers 2xx under load", failing((page) => page.load!.non2xx === 0 && page.load!.errors === 0)],
  ];
  if (documents?.againstDocuments) {
    const r = (values: number[]) => `${median(values).toFixed(2)} (${Math.min(...values).toFixed(2)}–${Math.max(...values).toFixed(2)})`;
    console.log(`\nagainst the documents page, in ${ROUNDS} rounds of ${ROUND_REQUESTS} passes, one request to every page in each pass, in an order drawn for each: whole-page p50 over every pass, and per round (median, min–max over the rounds), divided by the documents page's; the documents page's whole-page p50 was ${documents.againstDocuments.documentsP50.map((ms) => ms.toFixed(1)).join(", ")} ms. Slower: in how many passes the page took longer than the documents page, and the sign test's p (slower when below ${SIGN_TEST_ALPHA} ÷ ${measured.length - 1} pages)`);
    console.log(`${"page".padEnd(22)} ${"visitor".padEnd(12)} ${"p50".padStart(5)} ${"rounds' p50".padStart(17)} ${"app CPU".padStart(17)} ${"slower in".padStart(10)} ${"p".padStart(8)}  slower`);
    for (const page of measured) {
      const a = page.againstDocuments!;
      const passes = a.slower + a.faster;
      const p = page.key === "documents" ? "" : signTestP(a).toExponential(1);
      const share = passes ? `${((a.slower / passes) * 100).toFixed(0)} %` : "";
      console.log(`${page.key.padEnd(22)} ${page.visitor.padEnd(12)} ${a.pooledP50.toFixed(2).padStart(5)} ${r(a.p50).padStart(17)} ${r(a.cpu).padStart(17)} ${share.padStart(10)} ${p.padStart(8)}  ${slowerThanDocuments(page, measured.length - 1) ? "yes" : "no"}`);
    }
  }
  console.log("\ntargets (pages)");
  for (const [text, failed] of lines) console.log(`  ${failed.length === 0 ? "met    " : "NOT met"}  ${text}${failed.length ? ` — not: ${failed.join(", ")}` : ""}`);
  const absent = result.pages.filter((page) => page.absent).map((page) => page.key);
  if (absent.length) console.log(`  absent from this build (not measured): ${absent.join(", ")}`);
  const failed = result.pages.filter((page) => page.failed).map((page) => page.key);
  if (failed.length) console.log(`  NOT met  every page measured — failed: ${failed.join(", ")}`);
}
