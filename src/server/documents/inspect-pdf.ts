import "@/server/server-only";
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFStream, type PDFObject } from "pdf-lib";
import { UploadRefused } from "./upload-policy";

/**
 * What a PDF may not carry: JavaScript (in actions or name trees), actions that launch programs,
 * rich media and XFA forms (which can hold scripts). Checked on the parsed objects (object
 * streams included, `#xx` escapes in names decoded) and on the raw text outside streams, so an
 * object pdf-lib skips as broken is still seen.
 */
const FORBIDDEN_NAMES = new Set(["JS", "JavaScript", "Launch", "RichMedia", "XFA"]);

// The same names in raw PDF syntax, where a name may spell letters as #xx.
const RAW_FORBIDDEN = /\/(JS|JavaScript|Launch|RichMedia|XFA)(?![A-Za-z0-9#_.-])/;
const STREAM_BODY = /stream\r?\n[\s\S]*?endstream/g;
// What an HTML or SVG sniffer looks for near the start of a file.
const MARKUP = /<\s*(!doctype|html|head|body|script|svg|iframe|object|embed|\?xml)/i;

export async function inspectPdf(bytes: Buffer): Promise<void> {
  // A polyglot puts markup before or around the PDF; browsers sniff the first kilobytes.
  const head = bytes.subarray(0, 1024).toString("latin1");
  if (!head.startsWith("%PDF-") || MARKUP.test(head)) throw new UploadRefused("type");
  // Anything after the last %%EOF besides whitespace is not part of the PDF.
  const tail = bytes.subarray(Math.max(0, bytes.length - 1024)).toString("latin1");
  if (!/%%EOF\s*$/.test(tail)) throw new UploadRefused("pdf-unreadable");

  const raw = bytes.toString("latin1").replace(STREAM_BODY, "stream endstream");
  const decoded = raw.replace(/#([0-9a-fA-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  if (RAW_FORBIDDEN.test(decoded)) throw new UploadRefused("pdf-script");

  let document: PDFDocument;
  try {
    // Encrypted files are refused: what they hold cannot be inspected.
    document = await PDFDocument.load(bytes, { updateMetadata: false, ignoreEncryption: false });
    // Inside the try: pdf-lib loads a file with no catalog or no page tree, then throws a
    // TypeError when asked for its pages, which answered the upload with a server error.
    if (document.getPageCount() === 0) throw new UploadRefused("pdf-unreadable");
  } catch {
    throw new UploadRefused("pdf-unreadable");
  }
  for (const [, object] of document.context.enumerateIndirectObjects()) {
    if (containsForbidden(object, 0)) throw new UploadRefused("pdf-script");
  }
}

function containsForbidden(object: PDFObject, depth: number): boolean {
  // Indirect references are visited on their own; direct nesting is shallow in real files.
  if (depth > 64) return true;
  if (object instanceof PDFName) return FORBIDDEN_NAMES.has(object.decodeText());
  if (object instanceof PDFStream) return containsForbidden(object.dict, depth + 1);
  if (object instanceof PDFDict) {
    for (const [key, value] of object.entries()) {
      if (FORBIDDEN_NAMES.has(key.decodeText()) || containsForbidden(value, depth + 1)) return true;
    }
    return false;
  }
  if (object instanceof PDFArray) {
    for (let i = 0; i < object.size(); i++) {
      if (containsForbidden(object.get(i), depth + 1)) return true;
    }
  }
  return false;
}
