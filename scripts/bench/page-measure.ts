/**
 * Measuring server-rendered pages as a browser gets them (cookie, HTML): time to first byte and
 * to the last byte, the app process's CPU per request, and the JavaScript a page ships. Shared by
 * the documents page benchmark (issue 4) and the every-page benchmark (issue 16).
 */
import type { ChildProcess } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import http from "node:http";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import { median, percentile } from "./stats";

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

export const CONCURRENCY = 10;

/** One GET: milliseconds to the first byte of the body and to its end, and the body. */
export function timedGet(url: string, cookie: string): Promise<{ status: number; ttfb: number; total: number; body: string }> {
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

export const keepAlive = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });

/**
 * The process and its descendants (Linux /proc): with PORTAL_PROCESSES=2 the pages are served by
 * the cluster's workers, and the primary's own figures alone read as no CPU and 80 MB.
 */
export function processTree(pid: number | undefined): number[] {
  if (!pid) return [];
  const children: number[] = [];
  try {
    for (const task of readdirSync(`/proc/${pid}/task`)) {
      const listed = readFileSync(`/proc/${pid}/task/${task}/children`, "utf8").trim();
      if (listed) children.push(...listed.split(/\s+/).map(Number));
    }
  } catch {
    // gone, or no /proc: the process alone
  }
  return [pid, ...children.flatMap((child) => processTree(child))];
}

/** The CPU milliseconds a process and its descendants have used (Linux /proc; 0 elsewhere). */
export function cpuMs(pid: number | undefined): number {
  return processTree(pid).reduce((sum, one) => sum + ownCpuMs(one), 0);
}

/**
 * Read from each thread's schedstat (nanoseconds on the CPU) where the kernel keeps it: the
 * rounds against the documents page read the CPU around every single request, and the process's
 * utime + stime count in ticks of 10 ms, twice a page's cost. The ticks otherwise.
 */
function ownCpuMs(pid: number): number {
  try {
    let ns = 0;
    for (const task of readdirSync(`/proc/${pid}/task`)) ns += Number(readFileSync(`/proc/${pid}/task/${task}/schedstat`, "utf8").split(" ")[0]);
    if (Number.isFinite(ns) && ns > 0) return ns / 1e6;
  } catch {
    // no schedstat: the ticks below
  }
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime + stime, in clock ticks of 1/100 s
  } catch {
    return 0;
  }
}

export async function measure(label: string, url: string, cookie: string, concurrency: number, total: number, app: ChildProcess): Promise<Timing> {
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
export async function javascriptWeight(base: string, html: string): Promise<JsWeight> {
  // `nomodule` scripts (Next's legacy polyfills) are skipped by every browser that runs modules.
  const tags = [...html.matchAll(/<script\b([^>]*)>/g)].map((m) => m[1]!).filter((attrs) => !/\bnomodule\b/i.test(attrs));
  const sources = [...new Set(tags.map((attrs) => /\bsrc="([^"]+)"/.exec(attrs)?.[1]?.replace(/&amp;/g, "&")).filter((src): src is string => !!src))];
  let rawBytes = 0;
  let gzipBytes = 0;
  let brotliBytes = 0;
  for (const src of sources) {
    const response = await fetchOnceMore(new URL(src, base));
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

/**
 * A kept-alive connection the server has just closed (its keep-alive timeout) fails the fetch
 * with "other side closed"; one more try on a new connection is the same request, not a retry
 * of a slow one.
 */
async function fetchOnceMore(url: URL): Promise<Response> {
  const get = () => fetch(url, { headers: { "accept-encoding": "identity" } });
  try {
    return await get();
  } catch {
    return get();
  }
}

export function readLoadAverage(): string {
  try {
    return readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" ");
  } catch {
    return "unknown";
  }
}

/** The resident memory in MB of the largest process of the tree (Linux /proc; 0 elsewhere). */
export function residentMb(pid: number | undefined): number {
  // The largest process of the tree: the memory target is per process (a cluster's workers each have theirs).
  return Math.max(0, ...processTree(pid).map(ownResidentMb));
}

/** All the server's processes together (the primary and its workers), and how many serve (the workers, or the one process). */
export function residentTotal(pid: number | undefined): { mb: number; serving: number } {
  const tree = processTree(pid);
  return { mb: tree.reduce((sum, one) => sum + ownResidentMb(one), 0), serving: Math.max(1, tree.length - 1) };
}

/**
 * The peak resident memory (VmHWM) in MB of the largest process of the tree since it started: a
 * cluster's primary (PORTAL_PROCESSES, two on these machines with PostgreSQL) serves nothing, so
 * its own peak alone read as the server's was the primary's 80 MB, not the worker's.
 */
export function peakResidentMb(pid: number | undefined): number {
  return Math.max(0, ...processTree(pid).map((one) => statusMb(one, "VmHWM:")));
}

function ownResidentMb(pid: number): number {
  return statusMb(pid, "VmRSS:");
}

function statusMb(pid: number, field: "VmRSS:" | "VmHWM:"): number {
  try {
    const line = readFileSync(`/proc/${pid}/status`, "utf8").split("\n").find((l) => l.startsWith(field));
    return line ? Number(line.replace(/\D+/g, "")) / 1024 : 0;
  } catch {
    return 0;
  }
}
