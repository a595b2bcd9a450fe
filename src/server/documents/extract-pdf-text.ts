import "@/server/server-only";
import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import path from "node:path";
import { Worker } from "node:worker_threads";
import { MAX_INDEXED_CHARS, MAX_INDEXED_PAGES, TEXT_EXTRACTION_TIMEOUT_MS } from "./upload-policy";

/**
 * The words of a PDF, for the search box ("finds words inside the PDFs themselves"), read by
 * pdf.js in a worker thread (pdf-text-worker.mjs) that is terminated at the time limit. A
 * Promise.race against a timer was not enough: pdf.js kept running on the server's only
 * JavaScript thread after the upload had answered, and a crafted PDF (SECURITY-CASES 47) took
 * minutes of it, during which every other request waited.
 *
 * A file whose text cannot be read in time is still accepted: it is found by its title only,
 * and `read: false` lets the upload say so. Extractions run a few at a time (one per spare
 * core), and the time limit covers the wait for a turn as well, so an upload never waits for
 * its text much longer than the limit, even while someone sends crafted files on purpose.
 */
export type PdfText = { read: true; text: string | undefined } | { read: false; reason: "timeout" | "failed" | "busy" };

const MAX_RUNNING = Math.max(1, Math.min(4, availableParallelism() - 1));
/** Past this many waiting, a new extraction is skipped at once rather than queued. */
const MAX_WAITING = 16;
/** Enough for pdf.js on a 20 MB file; a file that needs more is one we do not index. */
const WORKER_HEAP_MB = 512;

let running = 0;
const waiting: (() => void)[] = [];

/** Extractions holding a turn (a worker thread starting, running or ending): 0 once every thread has exited. */
export function extractionWorkersRunning(): number {
  return running;
}

export async function extractPdfText(bytes: Uint8Array, timeoutMs = TEXT_EXTRACTION_TIMEOUT_MS): Promise<PdfText> {
  const deadline = Date.now() + timeoutMs;
  if (running < MAX_RUNNING) running++;
  else if (waiting.length >= MAX_WAITING || !(await waitForTurn(timeoutMs))) return { read: false, reason: "busy" };
  // From here this extraction holds a turn (taken, or handed over by the one that ended).
  const file = workerFile();
  const remaining = deadline - Date.now();
  if (!file || remaining <= 0) {
    release();
    return { read: false, reason: file ? "timeout" : "failed" };
  }
  let started: ReturnType<typeof startWorker>;
  try {
    started = startWorker(file, bytes, remaining);
  } catch {
    release();
    return { read: false, reason: "failed" };
  }
  const { result, exited } = started;
  // The turn is given back when the thread has really ended, not when its answer came.
  void exited.then(release);
  return result;
}

/** Hands the turn to the next waiting extraction, or frees it. */
function release(): void {
  const next = waiting.shift();
  if (next) next();
  else running--;
}

/** Resolves true when a running extraction ends, false if the time runs out first. */
function waitForTurn(timeoutMs: number): Promise<boolean> {
  return new Promise((resolve) => {
    const wake = () => {
      clearTimeout(timer);
      resolve(true);
    };
    const timer = setTimeout(() => {
      const at = waiting.indexOf(wake);
      if (at >= 0) waiting.splice(at, 1);
      resolve(false);
    }, timeoutMs);
    waiting.push(wake);
  });
}

function startWorker(file: string, bytes: Uint8Array, timeoutMs: number): { result: Promise<PdfText>; exited: Promise<void> } {
  // The worker gets its own copy, moved rather than cloned; the caller keeps the original bytes.
  const copy = new Uint8Array(bytes);
  const worker = new Worker(file, {
    workerData: { bytes: copy, maxPages: MAX_INDEXED_PAGES, maxChars: MAX_INDEXED_CHARS },
    transferList: [copy.buffer],
    resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB },
  });
  const exited = new Promise<void>((resolve) => worker.once("exit", () => resolve()));
  const result = new Promise<PdfText>((resolve) => {
    let settled = false;
    const finish = (answer: PdfText) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(answer);
      // Ends the thread in every case; at the time limit it stops pdf.js wherever it is.
      void worker.terminate();
    };
    const timer = setTimeout(() => finish({ read: false, reason: "timeout" }), timeoutMs);
    worker.once("message", (message: { ok: boolean; text?: string }) =>
      finish(message.ok ? { read: true, text: message.text || undefined } : { read: false, reason: "failed" }),
    );
    worker.once("error", () => finish({ read: false, reason: "failed" }));
    worker.once("exit", () => finish({ read: false, reason: "failed" }));
  });
  return { result, exited };
}

/**
 * Where the worker's file is: the copy beside the production server's bundle in .next/ (the
 * image has no src/), else the source, which Node runs as it is under vitest and `next dev`.
 */
function workerFile(): string | undefined {
  const root = process.cwd();
  const built = path.join(root, ".next", "pdf-text-worker.mjs");
  const source = path.join(root, "src", "server", "documents", "pdf-text-worker.mjs");
  const order = process.env.NODE_ENV === "production" ? [built, source] : [source, built];
  return order.find((candidate) => existsSync(candidate));
}
