import type { Coding, Resource } from "@medplum/fhirtypes";

/**
 * Whether an update's body states security labels other than the stored version's. Labels
 * compare by system and code, in any order and whatever their display. A body without
 * meta.security states none and keeps the stored ones (prepare-write.ts); an empty list states
 * that there are none.
 */
export function labelsChanged(input: Resource, stored: Resource): boolean {
  const stated = input.meta?.security;
  if (stated === undefined) return false;
  const kept = keysOf(stored.meta?.security ?? []);
  const asked = keysOf(stated);
  return kept.size !== asked.size || [...asked].some((key) => !kept.has(key));
}

function keysOf(labels: Coding[]): Set<string> {
  return new Set(labels.map((label) => `${label.system ?? ""}|${label.code ?? ""}`));
}
