import type { RowFilter, RowVariant } from "../access/row-filter";
import { MINOR_SECRET } from "@/lib/fhir/systems";
import { isUuid } from "./ids";

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
  const { variants, kept } = simplified(filter.variants);
  if (kept.length === 0) return "TRUE";
  // Stored ids are UUIDs: a hide rule naming anything else (a Consent written by hand) names no
  // row; cast to uuid[], it failed every search of the record.
  const hiddenIds = context.hiddenIds.filter(isUuid);
  // No hidden document: the test is settled without looking at the row. Sent as an empty array,
  // PostgreSQL still tried it on every row; a professional's count of a 5,000-document record
  // took 1.5 ms instead of 1.0 (issue 16).
  const noneHidden = hiddenIds.length === 0;
  const hiddenParam = kept.some((d) => d.dim === "hidden") && !noneHidden ? param(hiddenIds) : "";
  const linkParam = kept.some((d) => d.dim === "inLinkPrescription") ? param(context.linkPrescriptionId ?? "") : "";
  const participantParam = kept.some((d) => d.dim === "ownConversation") ? param(context.participantRef ?? "") : "";
  // Whose id a hidden rule names: the row's own, or for a file its document's (see search.ts).
  const hiddenId = context.hiddenIdColumn ?? "id";
  const terms = variants.map(({ levels, rest: v }) => {
    const parts: string[] = [];
    if (levels) parts.push(LEVELS_SQL[levels]);
    if (v.minorSecret !== undefined) {
      parts.push(v.minorSecret ? `('${MINOR_SECRET}' = ANY(security))` : `NOT ('${MINOR_SECRET}' = ANY(security))`);
    }
    if (v.hidden !== undefined && noneHidden) {
      if (v.hidden) parts.push("FALSE");
    } else if (v.hidden !== undefined) {
      parts.push(v.hidden ? `(${hiddenId} = ANY(${hiddenParam}::uuid[]))` : `NOT (${hiddenId} = ANY(${hiddenParam}::uuid[]))`);
    }
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

/**
 * The confidentiality levels a row may have, as one test on its labels (a row's level is V if
 * labelled V, else R if labelled R, else N: columns.ts). One test per set of levels rather than
 * one per level joined by OR: a caregiver's {N, R} was `NOT (R or V) OR (R and not V)`, tried on
 * each of a 5,000-document record's rows at every count. The usual sets, {N} (a professional)
 * and {N, R} (a caregiver, a professional the patient opened restricted documents to), are
 * written exactly as the predicates of the partial indexes that list and count a record's documents
 * (prisma/migrations/20261212010000_documents_by_reader_level): change one, change the other.
 */
type Level = RowVariant["confidentiality"];
type Levels = "N" | "R" | "V" | "NR" | "RV" | "NV";
const LEVELS_SQL: Record<Levels, string> = {
  N: `NOT (security && ARRAY['R','V']::text[])`,
  R: `('R' = ANY(security) AND NOT ('V' = ANY(security)))`,
  V: `('V' = ANY(security))`,
  NR: `NOT ('V' = ANY(security))`,
  RV: `(security && ARRAY['R','V']::text[])`,
  NV: `NOT ('R' = ANY(security) AND NOT ('V' = ANY(security)))`,
};

/** A term of the filter: the levels its rows may have (none: any level), and its other dimensions. */
type Term = { levels?: Levels; rest: Omit<Partial<RowVariant>, "confidentiality"> };

/** The variants that differ only by their level, as one term with the set of levels. */
function byLevels(variants: Partial<RowVariant>[]): Term[] {
  const groups = new Map<string, { levels: Set<Level>; rest: Term["rest"] }>();
  for (const { confidentiality, ...rest } of variants) {
    const key = keyOf(rest);
    const group = groups.get(key) ?? { levels: new Set<Level>(), rest };
    if (confidentiality !== undefined) group.levels.add(confidentiality);
    groups.set(key, group);
  }
  return [...groups.values()].map(({ levels, rest }) => {
    const set = (["N", "R", "V"] as const).filter((level) => levels.has(level)).join("");
    // No level (the dimension was dropped) or all three: the level does not matter to this term.
    return set === "" || set === "NRV" ? { rest } : { levels: set as Levels, rest };
  });
}

/** What identifies a variant, or a group of variants alike but for the dimension `without`. */
function keyOf(variant: Partial<RowVariant>, without?: Dim): string {
  return JSON.stringify(Object.entries(variant).filter(([k]) => k !== without).sort(([a], [b]) => a.localeCompare(b)));
}

/**
 * The variants with the dimensions the answer does not depend on dropped, and the dimensions
 * kept. Remembered by the set of variants: working it out cost about 5 ms of CPU on a
 * professional's view of a record (three searches, each its own simplification; issue 16's
 * profile), and an actor's filter is one of a handful of sets. Bounded; the SQL text and its
 * parameters are still built per search.
 */
type Simplified = { variants: Term[]; kept: typeof DIMS };
const SIMPLIFIED_MAX = 512;
const simplifiedByVariants = new Map<number, Simplified>();

function simplified(allowed: RowVariant[]): Simplified {
  const key = variantSet(allowed);
  const known = simplifiedByVariants.get(key);
  if (known) return known;
  const result = simplify(allowed);
  if (simplifiedByVariants.size >= SIMPLIFIED_MAX) simplifiedByVariants.clear();
  simplifiedByVariants.set(key, result);
  return result;
}

const LEVEL_INDEX: Record<Level, number> = { N: 0, R: 1, V: 2 };

/**
 * A set of variants as one number, the memo's key: bit i stands for the i-th of the 48
 * combinations (3 levels x 2^4), whatever the order the variants come in, a variant given twice
 * counting once. The key was the variants written out, sorted and joined: building it took 25 µs
 * of a professional's view of a record, in the profile that gave each page its own samples
 * (issue 16, scripts/bench/measured/pages-2026-12-05.txt, twenty-ninth session). Two halves of 24
 * bits, each set with integer operations, then joined: 2^48 is well within the integers a double
 * holds exactly.
 */
function variantSet(allowed: readonly RowVariant[]): number {
  let low = 0;
  let high = 0;
  for (const v of allowed) {
    const index = (((LEVEL_INDEX[v.confidentiality] * 2 + +v.minorSecret) * 2 + +v.hidden) * 2 + +v.inLinkPrescription) * 2 + +v.ownConversation;
    if (index < 24) low |= 1 << index;
    else high |= 1 << (index - 24);
  }
  return high * 0x1000000 + low;
}

function simplify(allowed: RowVariant[]): Simplified {
  let variants: Partial<RowVariant>[] = allowed.map((v) => ({ ...v }));
  const kept: typeof DIMS = [];
  for (const d of DIMS) {
    const groups = new Map<string, Set<unknown>>();
    for (const v of variants) {
      const key = keyOf(v, d.dim);
      groups.set(key, (groups.get(key) ?? new Set()).add(v[d.dim]));
    }
    if ([...groups.values()].every((values) => values.size === d.values.length)) {
      variants = dedupe(variants.map((v) => Object.fromEntries(Object.entries(v).filter(([k]) => k !== d.dim))));
    } else {
      kept.push(d);
    }
  }
  return { variants: byLevels(variants), kept };
}

function dedupe(variants: Partial<RowVariant>[]): Partial<RowVariant>[] {
  const seen = new Map<string, Partial<RowVariant>>();
  for (const v of variants) seen.set(keyOf(v), v);
  return [...seen.values()];
}
