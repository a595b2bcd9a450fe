import type { RowFilter, RowVariant } from "../access/row-filter";
import { MINOR_SECRET } from "@/lib/fhir/systems";

/**
 * Turns the variants that decide() allows into a SQL condition on fhir_resource's columns.
 * Dimensions on which the answer does not depend are dropped first, so the usual filter is
 * one or two terms. `param` registers a bind parameter and returns its placeholder: no value
 * is ever spliced into the SQL text.
 */
type Dim = keyof RowVariant;
const DIMS: { dim: Dim; values: readonly (string | boolean)[] }[] = [
  { dim: "confidentiality", values: ["N", "R", "V"] },
  { dim: "minorSecret", values: [false, true] },
  { dim: "hidden", values: [false, true] },
  { dim: "inLinkPrescription", values: [false, true] },
  { dim: "ownConversation", values: [false, true] },
];

export function rowFilterSql(
  filter: RowFilter,
  context: { hiddenIds: readonly string[]; linkPrescriptionId?: string; hiddenIdColumn?: string; participantRef?: string },
  param: (value: unknown) => string,
): string {
  if (filter.kind === "all") return "TRUE";
  if (filter.kind === "none") return "FALSE";
  let variants: Partial<RowVariant>[] = filter.variants.map((v) => ({ ...v }));
  const kept: typeof DIMS = [];
  for (const d of DIMS) {
    const others = (v: Partial<RowVariant>) =>
      JSON.stringify(Object.entries(v).filter(([k]) => k !== d.dim).sort(([a], [b]) => a.localeCompare(b)));
    const groups = new Map<string, Set<unknown>>();
    for (const v of variants) {
      const key = others(v);
      groups.set(key, (groups.get(key) ?? new Set()).add(v[d.dim]));
    }
    if ([...groups.values()].every((values) => values.size === d.values.length)) {
      variants = dedupe(variants.map((v) => Object.fromEntries(Object.entries(v).filter(([k]) => k !== d.dim))));
    } else {
      kept.push(d);
    }
  }
  if (kept.length === 0) return "TRUE";
  const hiddenParam = kept.some((d) => d.dim === "hidden") ? param(context.hiddenIds) : "";
  const linkParam = kept.some((d) => d.dim === "inLinkPrescription") ? param(context.linkPrescriptionId ?? "") : "";
  const participantParam = kept.some((d) => d.dim === "ownConversation") ? param(context.participantRef ?? "") : "";
  // Whose id a hidden rule names: the row's own, or for a file its document's (see search.ts).
  const hiddenId = context.hiddenIdColumn ?? "id";
  const terms = variants.map((v) => {
    const parts: string[] = [];
    if (v.confidentiality === "N") parts.push(`NOT (security && ARRAY['R','V']::text[])`);
    if (v.confidentiality === "R") parts.push(`('R' = ANY(security) AND NOT ('V' = ANY(security)))`);
    if (v.confidentiality === "V") parts.push(`('V' = ANY(security))`);
    if (v.minorSecret !== undefined) {
      parts.push(v.minorSecret ? `('${MINOR_SECRET}' = ANY(security))` : `NOT ('${MINOR_SECRET}' = ANY(security))`);
    }
    if (v.hidden !== undefined) parts.push(v.hidden ? `(${hiddenId} = ANY(${hiddenParam}::uuid[]))` : `NOT (${hiddenId} = ANY(${hiddenParam}::uuid[]))`);
    if (v.inLinkPrescription !== undefined) {
      parts.push(v.inLinkPrescription ? `(group_id = ${linkParam})` : `(group_id IS DISTINCT FROM ${linkParam})`);
    }
    if (v.ownConversation !== undefined) {
      parts.push(v.ownConversation ? `(actor_ref = ${participantParam})` : `(actor_ref IS DISTINCT FROM ${participantParam})`);
    }
    return parts.length > 0 ? `(${parts.join(" AND ")})` : "TRUE";
  });
  return terms.length === 1 ? (terms[0] ?? "FALSE") : `(${terms.join(" OR ")})`;
}

function dedupe(variants: Partial<RowVariant>[]): Partial<RowVariant>[] {
  const seen = new Map<string, Partial<RowVariant>>();
  for (const v of variants) seen.set(JSON.stringify(Object.entries(v).sort(([a], [b]) => a.localeCompare(b))), v);
  return [...seen.values()];
}
