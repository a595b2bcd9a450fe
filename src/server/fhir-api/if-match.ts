import { invalid } from "../fhir/errors";

/**
 * The version an update or delete expects, from `If-Match: W/"<versionId>"` (the ETag the
 * API sends). Absent or `*`: no expectation. Anything else is a 400, never ignored, so a
 * client that thinks it is guarded never silently isn't.
 */
export function parseIfMatch(header: string | null): string | undefined {
  if (header === null) return undefined;
  const value = header.trim();
  if (value === "*") return undefined;
  const match = /^(?:W\/)?"(\d{1,9})"$/.exec(value);
  if (!match) throw invalid('En-tête If-Match attendu de la forme W/"<version>".');
  return String(Number(match[1]));
}
