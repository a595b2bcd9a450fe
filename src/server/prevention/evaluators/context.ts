import { addDays, addYears, completedMonths, completedYears, parseDay, type Day } from "../days";
import type { Calendar, ConditionKind, Eligibility, PreventionFacts, PreventionItem, Rule, Status, VaccineKind } from "../types";
import { SELF, voiceOf, type Reader, type Voice } from "./voice";

/** What every rule's evaluation reads: the person, the day, their age on that day. */
export type Context = {
  facts: PreventionFacts;
  date: Day;
  years: number;
  months: number;
  calendar: Calendar;
  /** Doses by vaccine kind, oldest first (sorted once per person). */
  doses: ReadonlyMap<VaccineKind, readonly Day[]>;
  /** How the reasons address whoever reads them (voice.ts). */
  voice: Voice;
};

export function contextFor(facts: PreventionFacts, calendar: Calendar, date: Day, reader: Reader = SELF): Context {
  const doses = new Map<VaccineKind, Day[]>();
  for (const shot of facts.immunizations) {
    if (shot.date > date) continue; // a dose recorded for a later day has not been given yet
    const list = doses.get(shot.kind);
    if (list) list.push(shot.date);
    else doses.set(shot.kind, [shot.date]);
  }
  for (const list of doses.values()) list.sort();
  return { facts: withCurrentPregnancy(facts, date), date, years: completedYears(facts.birthDate, date), months: completedMonths(facts.birthDate, date), calendar, doses, voice: voiceOf(reader) };
}

/** A pregnancy counts from its first day for 42 weeks (the longest term), unless it is closed sooner. */
export const PREGNANCY_DAYS = 42 * 7;

function withCurrentPregnancy(facts: PreventionFacts, date: Day): PreventionFacts {
  if (!facts.conditions.has("pregnancy")) return facts;
  const start = facts.pregnancyStart;
  if (!start || (start <= date && date < addDays(start, PREGNANCY_DAYS))) return facts;
  const conditions = new Set(facts.conditions);
  conditions.delete("pregnancy");
  return { ...facts, conditions };
}

/** Doses of any of these vaccines, oldest first, optionally only those given from an age on. */
const NONE: readonly Day[] = [];

export function dosesOf(ctx: Context, vaccines: readonly VaccineKind[], fromYears = 0, beforeYears = Infinity): readonly Day[] {
  // The common case, one kind and no age limit, is the list already sorted.
  if (vaccines.length === 1 && fromYears === 0 && beforeYears === Infinity) return ctx.doses.get(vaccines[0] as VaccineKind) ?? NONE;
  const all = vaccines.flatMap((kind) => ctx.doses.get(kind) ?? []);
  const birth = ctx.facts.birthDate;
  return all
    .filter((day) => {
      if (fromYears === 0 && beforeYears === Infinity) return true;
      const age = completedYears(birth, day);
      return age >= fromYears && age < beforeYears;
    })
    .sort();
}

export const birthday = (ctx: Context, years: number): Day => addYears(ctx.facts.birthDate, years);

export function hasCondition(ctx: Context, conditions: readonly ConditionKind[] | undefined): ConditionKind | undefined {
  return conditions?.find((c) => ctx.facts.conditions.has(c));
}

/** Whether the person is in the rule's population today, and why (for the reason). */
export function eligibleNow(ctx: Context, who: Eligibility): { eligible: boolean; condition?: ConditionKind } {
  if (who.sex && ctx.facts.sex !== who.sex) return { eligible: false };
  if (who.bornFrom && ctx.facts.birthDate < who.bornFrom) return { eligible: false };
  if (who.toYears !== undefined && ctx.years > who.toYears) return { eligible: false };
  if (who.fromYears !== undefined && ctx.years >= who.fromYears) return { eligible: true };
  const condition = hasCondition(ctx, who.conditions);
  if (condition && ctx.years >= (who.riskFromYears ?? 0)) return { eligible: true, condition };
  return { eligible: who.fromYears === undefined && !who.conditions };
}

const MONTHS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"];

/** "14 mars 2025". */
export function frDay(day: Day): string {
  const { y, m, d } = parseDay(day);
  return `${d === 1 ? "1er" : d} ${MONTHS[m - 1]} ${y}`;
}

export const CONDITION_LABELS: Record<ConditionKind, string> = {
  asthma: "un asthme",
  "severe-asthma": "un asthme sévère",
  copd: "une bronchopneumopathie chronique obstructive (BPCO)",
  diabetes: "un diabète",
  "heart-failure": "une insuffisance cardiaque",
  immunocompromised: "une immunodépression",
  pregnancy: "une grossesse en cours",
};

/**
 * A rule's conditions as a person reads them: each once, the last after « ou » (« un asthme, une
 * BPCO ou une insuffisance cardiaque »). A severe asthma is an asthma: where a rule names both
 * (the record may say either), the list says « un asthme » once.
 */
export function conditionsInWords(conditions: readonly ConditionKind[]): string {
  const said = conditions.filter((c) => !(c === "severe-asthma" && conditions.includes("asthma")));
  const words = [...new Set(said.map((c) => CONDITION_LABELS[c]))];
  if (words.length <= 1) return words.join("");
  return `${words.slice(0, -1).join(", ")} ou ${words[words.length - 1]}`;
}

export function ageText(ctx: Context): string {
  if (ctx.years >= 2) return `${ctx.voice.has} ${ctx.years} ans`;
  return `${ctx.voice.has} ${ctx.months} mois`;
}

export function sourceText(rule: Rule): string {
  return `${rule.source.document}, ${rule.source.edition}.`;
}

/** The item every evaluator returns, with the rule's label, theme, source and what "C'est fait" records. */
export function itemOf(
  rule: Rule,
  status: Status,
  reason: string,
  extra: { due?: Day; next?: Day; dose?: number; mandatory?: boolean; appliesFrom?: Day; records?: PreventionItem["records"] } = {},
): PreventionItem {
  const item: PreventionItem = {
    item: rule.item,
    status,
    reason: `${reason} ${sourceText(rule)}`,
    source: rule.source,
    label: rule.label,
    theme: rule.theme,
    records: extra.records ?? recordsOf(rule),
  };
  if (extra.due !== undefined) item.due = extra.due;
  if (extra.next !== undefined) item.next = extra.next;
  if (extra.dose !== undefined) item.dose = extra.dose;
  if (extra.mandatory !== undefined) item.mandatory = extra.mandatory;
  if (extra.appliesFrom !== undefined) item.appliesFrom = extra.appliesFrom;
  return item;
}

/**
 * What completes an item, when its evaluator names nothing more precise: the item's test or its
 * vaccine. Also what « C'est fait » records when the person does not say (record-done.ts).
 */
export function recordsOf(rule: Rule): PreventionItem["records"] {
  switch (rule.kind) {
    case "screening":
      return { procedure: rule.tests[0]?.procedure ?? "fit" };
    case "cervical":
      return { procedure: "cytology" };
    case "bands":
    case "visits":
      return { procedure: rule.procedure };
    default:
      // The last kind listed is the one given today (dTP for adults, not the infant hexavalent).
      return { vaccine: rule.vaccines[rule.vaccines.length - 1] ?? "dtp" };
  }
}
