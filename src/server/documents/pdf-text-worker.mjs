// @ts-check
/**
 * The text of one PDF, read in a worker thread (started by extract-pdf-text.ts). pdf.js parses
 * and walks the whole file on the thread that calls it; a crafted file (forms drawing forms
 * twice over, SECURITY-CASES 47) keeps it busy for minutes. Here that thread is this worker,
 * which the server terminates at its time limit, so the server's own thread keeps answering.
 *
 * Plain JavaScript, not TypeScript, so Node runs it as it is: from src/ under vitest and
 * `next dev`, and from the copy scripts/build-server.mjs puts in .next/ for the production
 * server (the image carries no src/). Its only import is unpdf, found in node_modules either way.
 */
import { parentPort, workerData } from "node:worker_threads";
import { getDocumentProxy } from "unpdf";

/** @type {{ bytes: Uint8Array; maxPages: number; maxChars: number }} */
const { bytes, maxPages, maxChars } = workerData;

async function readText() {
  // eval off: fonts are never compiled to code. verbosity 0: a broken file's warnings are not logs.
  const pdf = await getDocumentProxy(bytes, { isEvalSupported: false, stopAtErrors: false, verbosity: 0 });
  try {
    /** @type {string[]} */
    const parts = [];
    let length = 0;
    const pages = Math.min(pdf.numPages, maxPages);
    for (let number = 1; number <= pages && length < maxChars; number++) {
      const page = await pdf.getPage(number);
      const content = await page.getTextContent();
      const text = content.items
        .map((item) => ("str" in item ? item.str : ""))
        .join(" ")
        .replace(/\s+/g, " ")
        .trim();
      page.cleanup();
      if (text) {
        parts.push(text);
        length += text.length + 1;
      }
    }
    return parts.join("\n").slice(0, maxChars);
  } finally {
    await pdf.destroy();
  }
}

readText().then(
  (text) => parentPort?.postMessage({ ok: true, text }),
  () => parentPort?.postMessage({ ok: false }),
);
