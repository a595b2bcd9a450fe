import { wordsWithin } from "@/lib/text/words-within";

/**
 * File names that reach a `Content-Disposition` header or a disk come from people (a title, a
 * browser's file name), so they may carry quotes, CR/LF (header injection), right-to-left
 * overrides ("facture‮fdp.exe"), path separators ("../../etc/passwd") or reserved device names.
 * We keep the readable part and drop the rest; the extension always comes from the sniffed type.
 */

// Controls (C0, C1), bidirectional marks and overrides, zero-width and line/paragraph separators.
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/g;
// Path separators and characters Windows or shells refuse in names, quotes included.
const FORBIDDEN = /[\\/:*?"'`<>|;%]/g;
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)(\..*)?$/i;
const MAX_BASE_LENGTH = 80;

/** Free text typed by a person (a title), without invisible or direction-changing characters. */
export function cleanText(value: string, max: number): string {
  return [...value.normalize("NFC").replace(INVISIBLE, " ").replace(/\s+/g, " ").trim()].slice(0, max).join("").trim();
}

/** A file name safe for headers and disks: `<readable base>.<extension>`. */
export function safeFileName(raw: string | undefined, extension: string, options: { fromPath?: boolean } = {}): string {
  const fallback = "document";
  const ext = extension.replace(/[^a-z0-9]/gi, "").toLowerCase().slice(0, 8) || "bin";
  let base = (raw ?? "").normalize("NFC");
  // A name sent by a browser may be a path: only its last segment is a name. In a title
  // ("Bilan 03/2024") a slash is just a character, replaced below like the other separators.
  if (options.fromPath) base = base.split(/[\\/]/).at(-1) ?? "";
  // Runs of dots ("..") mean "parent folder" to too many programs. The typed apostrophe, refused
  // by shells, becomes the typographic one rather than a space: « d’asthme », not « d asthme ».
  base = base.replace(INVISIBLE, "").replace(/'/g, "\u2019").replace(FORBIDDEN, " ").replace(/\.{2,}/g, " ");
  // An extension typed by the person means nothing: the real one is added below.
  base = base.replace(/\.(pdf|jpe?g|png|html?|svg|exe|js)$/i, "");
  base = base.replace(/\s+/g, " ").replace(/^[\s.]+|[\s.]+$/g, "");
  base = shortened(base);
  if (!base || WINDOWS_RESERVED.test(base)) base = base ? `${fallback}-${base}` : fallback;
  return `${base}.${ext}`;
}

/** Within MAX_BASE_LENGTH characters, cut between words (« … fonctionnelles respiratoir.pdf » read as a typo). */
function shortened(base: string): string {
  // No dash or dot left hanging before the extension (« … pneumologie -.pdf », « ….pdf »).
  return wordsWithin(base, MAX_BASE_LENGTH).words.replace(/[\s.-]+$/, "");
}

/** The same name in plain ASCII (accents dropped, anything else replaced), for old clients. */
export function asciiFileName(name: string): string {
  const ascii = name
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^A-Za-z0-9._ ()-]/g, "_")
    .replace(/_+/g, "_");
  return ascii.replace(/^[._ ]+/, "") || "document";
}

/** RFC 5987 encoding of a UTF-8 value (encodeURIComponent leaves a few characters RFC 5987 forbids). */
function encodeExtValue(value: string): string {
  return encodeURIComponent(value).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/**
 * `Content-Disposition` per RFC 6266: an ASCII `filename` for old clients and the UTF-8
 * `filename*`. The name is made safe first, so nothing in it can end the quoted string or the
 * header.
 */
export function contentDisposition(kind: "attachment" | "inline", name: string, extension: string): string {
  const safe = safeFileName(name, extension);
  return `${kind}; filename="${asciiFileName(safe)}"; filename*=UTF-8''${encodeExtValue(safe)}`;
}
