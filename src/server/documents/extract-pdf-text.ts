import "server-only";
import { getDocumentProxy } from "unpdf";
import { MAX_INDEXED_CHARS, MAX_INDEXED_PAGES, TEXT_EXTRACTION_TIMEOUT_MS } from "./upload-policy";

/**
 * The words of a PDF, for the search box ("finds words inside the PDFs themselves"). Bounded in
 * pages, characters and time; a file whose text cannot be read is still accepted, it is just
 * found by its title only. pdf.js runs with eval disabled: fonts are never compiled to code.
 */
export async function extractPdfText(bytes: Buffer, timeoutMs = TEXT_EXTRACTION_TIMEOUT_MS): Promise<string | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), timeoutMs);
  });
  try {
    return await Promise.race([readText(bytes), timeout]);
  } catch {
    return undefined;
  } finally {
    clearTimeout(timer);
  }
}

async function readText(bytes: Buffer): Promise<string | undefined> {
  // pdf.js takes ownership of the buffer it is given: pass a copy.
  const pdf = await getDocumentProxy(new Uint8Array(bytes), { isEvalSupported: false, stopAtErrors: false });
  try {
    const parts: string[] = [];
    let length = 0;
    const pages = Math.min(pdf.numPages, MAX_INDEXED_PAGES);
    for (let number = 1; number <= pages && length < MAX_INDEXED_CHARS; number++) {
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
    const joined = parts.join("\n").slice(0, MAX_INDEXED_CHARS);
    return joined || undefined;
  } finally {
    await pdf.destroy();
  }
}
