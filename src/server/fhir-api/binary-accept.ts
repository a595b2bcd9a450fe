/**
 * What a client asks of Binary/<id> by its Accept header (and `_format`): the FHIR resource
 * (`application/fhir+json`, `application/json`, or `_format=json`), or the file's own bytes
 * (`*\/*`, the file's type, or its family such as `application/*`). Pure, so it is tested as a table.
 * A client naming only other types gets 406: the bytes are never sent as something they are not.
 */
export type BinaryForm = "fhir" | "raw" | "none";

const FHIR_TYPES = new Set(["application/fhir+json", "application/json", "json"]);

type Range = { type: string; q: number };

function rangesOf(accept: string): Range[] {
  return accept
    .split(",")
    .map((part) => {
      const [type = "", ...params] = part.split(";").map((s) => s.trim().toLowerCase());
      const q = params.find((param) => param.startsWith("q="));
      const weight = q ? Number(q.slice(2)) : 1;
      return { type, q: Number.isFinite(weight) ? weight : 0 };
    })
    .filter((range) => range.type !== "" && range.q > 0);
}

function matches(range: string, contentType: string): boolean {
  if (range === "*/*") return true;
  if (range.endsWith("/*")) return contentType.startsWith(range.slice(0, -1));
  return range === contentType;
}

export function binaryForm(accept: string | null, format: string | null, contentType: string): BinaryForm {
  if (format !== null) return FHIR_TYPES.has(format.trim().toLowerCase()) ? "fhir" : "none";
  // No Accept header: a client following a url wants the file.
  if (accept === null || accept.trim() === "") return "raw";
  const ranges = rangesOf(accept);
  const best = (test: (type: string) => boolean) => Math.max(0, ...ranges.filter((r) => test(r.type)).map((r) => r.q));
  const fhir = best((type) => FHIR_TYPES.has(type));
  // A FHIR client says so by name; "*/*" alone (a browser, curl) means the file.
  const raw = best((type) => matches(type, contentType.toLowerCase()));
  if (fhir === 0 && raw === 0) return "none";
  return fhir >= raw ? "fhir" : "raw";
}
