import type { Coding, Resource } from "@medplum/fhirtypes";

/**
 * Whether an update's body states security labels other than the stored version's. Labels
 * compare by system and code, in any order and whatever their display. A body without
 * meta.security states none and keeps the stored ones (prepare-write.ts); an empty list states
 * that there are none.
 */
export function labelsChanged(input: Resource, stored: Resource): boolean {
  const stated: unknown = input.meta?.security;
  if (stated === undefined) return false;
  // The body is not validated yet: a value that is no list of labels states other labels.
  if (!Array.isArray(stated) || !stated.every((label: unknown) => label !== null && typeof label === "object")) return true;
  const kept = keysOf(stored.meta?.security ?? []);
  const asked = keysOf(stated as Coding[]);
  return kept.size !== asked.size || [...asked].some((key) => !kept.has(key));
}

function keysOf(labels: Coding[]): Set<string> {
  return new Set(labels.map((label) => `${label.system ?? ""}|${label.code ?? ""}`));
}
