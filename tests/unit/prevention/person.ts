import { FR_2025 } from "@/server/prevention/calendars/fr-2025";
import { recommend } from "@/server/prevention/recommend";
import type { ConditionKind, PreventionFacts, PreventionItem, ProcedureKind, Sex, VaccineKind } from "@/server/prevention/types";

/** A person for the tables: birth, sex, conditions, doses and procedures by day. */
export function person(input: {
  born: string;
  sex?: Sex;
  conditions?: ConditionKind[];
  pregnancyStart?: string;
  shots?: [VaccineKind, string][];
  procedures?: [ProcedureKind, string][];
}): PreventionFacts {
  return {
    birthDate: input.born,
    sex: input.sex ?? "female",
    conditions: new Set(input.conditions ?? []),
    pregnancyStart: input.pregnancyStart,
    immunizations: (input.shots ?? []).map(([kind, date]) => ({ kind, date })),
    procedures: (input.procedures ?? []).map(([kind, date]) => ({ kind, date })),
  };
}

export function itemFor(facts: PreventionFacts, item: string, date: string): PreventionItem {
  const found = recommend(facts, FR_2025, date).find((i) => i.item === item);
  if (!found) throw new Error(`no item ${item}`);
  return found;
}

/** The parts of an item a table row states (undefined fields are expected absent). */
export function summary(item: PreventionItem) {
  return { status: item.status, due: item.due, next: item.next, dose: item.dose };
}
