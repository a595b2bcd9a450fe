import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { FR_2025 } from "@/server/prevention/calendars/fr-2025";
import { addDays } from "@/server/prevention/days";
import { SELF, type Reader } from "@/server/prevention/evaluators/voice";
import { recommend } from "@/server/prevention/recommend";
import { recommendKept } from "@/server/prevention/recommend-kept";
import type { ConditionKind, PreventionFacts, ProcedureKind, VaccineKind } from "@/server/prevention/types";

/**
 * The answers kept by recommend-kept.ts are recommend()'s own, whatever was asked before: any
 * change to the facts, the day or the reader gives recommend()'s new answer, and the same facts
 * in another order give recommend()'s answer for that order (its reasons name two screenings of
 * the same day in the order they came).
 */
const VACCINES: VaccineKind[] = ["hexa", "dtcap", "dtp", "pcv", "menb", "menacwy", "menc", "ror", "hpv", "flu", "covid", "zoster", "rsv"];
const CONDITIONS: ConditionKind[] = ["asthma", "severe-asthma", "copd", "diabetes", "heart-failure", "immunocompromised", "pregnancy"];
const PROCEDURES: ProcedureKind[] = ["mammography", "fit", "colonoscopy", "cytology", "hpv-test", "bilan", "child-exam", "dental"];

// Few values, so that a run meets the same key often (kept answers are read back) and near keys.
const day = fc.integer({ min: 0, max: 40 }).map((n) => addDays("2015-01-01", n * 97));
const facts: fc.Arbitrary<PreventionFacts> = fc.record({
  birthDate: fc.constantFrom("1950-06-02", "1990-03-15", "2020-09-01", "2024-02-29"),
  sex: fc.constantFrom("female" as const, "male" as const),
  conditions: fc.uniqueArray(fc.constantFrom(...CONDITIONS), { maxLength: 2 }).map((list) => new Set(list)),
  pregnancyStart: fc.option(day, { nil: undefined }),
  immunizations: fc.array(fc.record({ kind: fc.constantFrom(...VACCINES), date: day }), { maxLength: 5 }),
  procedures: fc.array(fc.record({ kind: fc.constantFrom(...PROCEDURES), date: day }), { maxLength: 3 }),
});
const READERS: Reader[] = [SELF, { self: false, name: "Léo" }, { self: false, name: "Jean" }];

describe("prevention answers kept per facts, day and reader", () => {
  it("are recommend()'s, for facts that differ from each other by one thing, asked in any order and again (property)", () => {
    // Each record with its neighbours (one field changed, or the same lists in another order),
    // each asked for every day and reader: a key that left out one input would hand one of them
    // another's answer.
    const neighbours = (f: PreventionFacts): PreventionFacts[] => [
      f,
      { ...f, birthDate: f.birthDate === "1990-03-15" ? "1950-06-02" : "1990-03-15" },
      { ...f, sex: f.sex === "female" ? "male" : "female" },
      { ...f, conditions: new Set([...f.conditions, "diabetes"]) },
      { ...f, pregnancyStart: f.pregnancyStart ? undefined : "2026-10-01" },
      { ...f, immunizations: [...f.immunizations, { kind: "dtp", date: "2016-05-10" }] },
      { ...f, procedures: [...f.procedures, { kind: "mammography", date: "2025-02-01" }] },
      { ...f, immunizations: f.immunizations.slice().reverse(), procedures: f.procedures.slice().reverse(), conditions: new Set([...f.conditions].reverse()) },
    ];
    fc.assert(
      fc.property(facts, fc.shuffledSubarray([0, 1, 2, 3, 4, 5, 6, 7], { minLength: 8 }), (f, order) => {
        const variants = neighbours(f);
        for (const date of ["2026-01-15", "2026-12-03", "2031-06-30"]) {
          for (const who of READERS) {
            for (const index of [...order, ...order]) {
              const variant = variants[index]!;
              expect(recommendKept(variant, FR_2025, date, who)).toEqual(recommend(variant, FR_2025, date, who));
            }
          }
        }
      }),
      { numRuns: 60 },
    );
  });

  it("change as soon as a vaccination is recorded", () => {
    const before: PreventionFacts = { birthDate: "1990-03-15", sex: "female", conditions: new Set(), immunizations: [], procedures: [] };
    const first = recommendKept(before, FR_2025, "2026-12-03", SELF);
    const after = { ...before, immunizations: [{ kind: "dtp" as const, date: "2015-04-01" }] };
    expect(recommendKept(after, FR_2025, "2026-12-03", SELF)).toEqual(recommend(after, FR_2025, "2026-12-03", SELF));
    expect(recommendKept(after, FR_2025, "2026-12-03", SELF)).not.toEqual(first);
  });

  it("are frozen: a caller cannot change what the next one reads", () => {
    const items = recommendKept({ birthDate: "1950-06-02", sex: "male", conditions: new Set(), immunizations: [], procedures: [] }, FR_2025, "2026-12-03", SELF);
    expect(Object.isFrozen(items)).toBe(true);
    expect(items.every((item) => Object.isFrozen(item))).toBe(true);
  });
});
