import { FhirError, invalid, tooLarge } from "../fhir/errors";

/**
 * Reads a FHIR JSON body defensively, in this order, each step before any costlier one:
 * media type (415), declared length (413), the stream itself counted as it arrives and cut at
 * the cap (413: a missing or lying Content-Length changes nothing), strict UTF-8, nesting depth
 * counted on the text before parsing (so a deeply nested body never reaches a recursive walk),
 * then JSON.parse, then a walk with an explicit stack that refuses prototype keys, numbers JSON
 * cannot carry, and text PostgreSQL cannot store (NUL, lone surrogates).
 */
export const MAX_BODY_BYTES = 1024 * 1024;
export const MAX_DEPTH = 32;

const JSON_TYPES = new Set(["application/fhir+json", "application/json"]);
const FORBIDDEN_KEYS = new Set(["__proto__", "constructor", "prototype"]);

export const unsupportedMediaType = () =>
  new FhirError(415, "not-supported", "Le corps doit être du JSON FHIR (Content-Type: application/fhir+json).");

/** The media type of a Content-Type header, lower case, without parameters. */
export function mediaTypeOf(header: string | null): string | undefined {
  const essence = header?.split(";")[0]?.trim().toLowerCase();
  return essence ? essence : undefined;
}

export function isJsonMediaType(header: string | null): boolean {
  const type = mediaTypeOf(header);
  if (!type || !JSON_TYPES.has(type)) return false;
  // Only UTF-8 is read; a declared other charset is refused rather than misread.
  const charset = /;\s*charset=("?)([^";]*)\1/i.exec(header ?? "")?.[2]?.toLowerCase();
  return charset === undefined || charset === "utf-8" || charset === "utf8";
}

export async function readJsonBody(request: Request, maxBytes = MAX_BODY_BYTES): Promise<Record<string, unknown>> {
  if (!isJsonMediaType(request.headers.get("content-type"))) throw unsupportedMediaType();
  const declared = request.headers.get("content-length");
  if (declared !== null && /^\d+$/.test(declared) && Number(declared) > maxBytes) throw bodyTooLarge(maxBytes);
  const bytes = await readCapped(request, maxBytes);
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw invalid("Le corps n'est pas de l'UTF-8 valide.");
  }
  if (text.trim() === "") throw invalid("Le corps est vide.");
  checkDepth(text);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw invalid("Le corps n'est pas du JSON valide.");
  }
  checkValues(value);
  if (typeof value !== "object" || value === null || Array.isArray(value)) throw invalid("Le corps doit être une ressource FHIR (un objet JSON).");
  return value as Record<string, unknown>;
}

const bodyTooLarge = (maxBytes: number) => tooLarge(`Le corps dépasse ${Math.round(maxBytes / 1024)} Kio.`);

async function readCapped(request: Request, maxBytes: number): Promise<Uint8Array> {
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw bodyTooLarge(maxBytes);
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return bytes;
}

/** Counts bracket depth outside strings; linear, no recursion. */
function checkDepth(text: string) {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
      continue;
    }
    if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > MAX_DEPTH) throw invalid(`Le JSON est imbriqué sur plus de ${MAX_DEPTH} niveaux.`);
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
}

// A NUL, or a surrogate half without its other half.
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

function checkString(value: string, what: string) {
  if (UNSTORABLE.test(value)) throw invalid(`${what} contient un caractère interdit (NUL ou demi-paire UTF-16).`);
}

function checkValues(root: unknown) {
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const value = stack.pop();
    if (typeof value === "number") {
      if (!Number.isFinite(value)) throw invalid("Un nombre du corps dépasse ce que JSON peut représenter.");
    } else if (typeof value === "string") {
      checkString(value, "Une valeur");
    } else if (Array.isArray(value)) {
      for (const item of value) stack.push(item);
    } else if (typeof value === "object" && value !== null) {
      for (const key of Object.keys(value)) {
        if (FORBIDDEN_KEYS.has(key)) throw invalid(`Clé interdite dans le corps : ${key}.`);
        checkString(key, "Une clé");
        stack.push((value as Record<string, unknown>)[key]);
      }
    }
  }
}
