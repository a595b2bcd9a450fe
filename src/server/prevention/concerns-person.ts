import { completedYears, type Day } from "./days";
import type { PreventionItem, Sex } from "./types";
import { CURRENT_CALENDAR } from "./evaluate-patient";

/**
 * Women of childbearing age, for the listing of a pregnancy's item as information: 15 to 49 years
 * (completed), the « women of reproductive age (15-49 years) » of the UN's indicator 3.7.1 of the
 * Sustainable Development Goals, and the « femmes en âge de procréer (15 à 49 ans) » of the
 * demographers' general fertility rate. A bound for what is listed, not a clinical rule: a
 * pregnancy in the record, at any age, makes the item due and listed whatever this says.
 */
export const CHILDBEARING_YEARS = { from: 15, toBefore: 50 } as const;

const PREGNANCY_ITEMS: ReadonlySet<string> = new Set(CURRENT_CALENDAR.rules.filter((rule) => rule.kind === "pregnancy").map((rule) => rule.item));

/**
 * Whether the prevention page lists the item for this person. Only a pregnancy's item that does
 * not apply (« Coqueluche pendant la grossesse » as information) is left out, for anyone it cannot
 * concern: a man's calendar and a baby's listed it. Sex "other" or "unknown" is not taken to
 * rule a pregnancy out. Any other status is listed: the engine and the FHIR output are unchanged,
 * and a minor's secret pregnancy reads as information to her parents as for her sister of the
 * same age, since the bound reads only her age and sex.
 */
export function concernsPerson(item: PreventionItem, person: { sex: Sex; birthDate: Day | undefined }, today: Day): boolean {
  if (item.status !== "NOT_APPLICABLE" || !PREGNANCY_ITEMS.has(item.item)) return true;
  if (person.sex === "male") return false;
  // Without a birth date the engine lists nothing at all (the page says the date is missing).
  if (!person.birthDate) return true;
  const years = completedYears(person.birthDate, today);
  return years >= CHILDBEARING_YEARS.from && years < CHILDBEARING_YEARS.toBefore;
}
