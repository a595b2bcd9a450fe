import type { HumanName } from "@medplum/fhirtypes";

/**
 * "Dr Sophie Bernard", "Camille Martin": a person's name as the portal shows it, from the
 * official name when there is one (prefixes, given names, family name), else the name's text.
 * One formatter for the directory, the patients' lists and the spaces a person may open.
 */
export function formatHumanName(names: HumanName[] | undefined): string | undefined {
  const name = names?.find((n) => n.use === "official") ?? names?.[0];
  if (!name) return undefined;
  const text = [...(name.prefix ?? []), ...(name.given ?? []), name.family].filter(Boolean).join(" ").trim();
  return text || name.text || undefined;
}

/**
 * The key a list of people sorts by: the family name, then the given names (« Martin Camille »
 * before « Martin Jean », both after « Bernard Zoé »), as a professional's patient lists are
 * read; the shown text when no family name is recorded.
 */
export function familyFirstKey(names: HumanName[] | undefined): string {
  const name = names?.find((n) => n.use === "official") ?? names?.[0];
  if (!name) return "";
  return name.family ? [name.family, ...(name.given ?? [])].join(" ") : (formatHumanName(names) ?? "");
}
