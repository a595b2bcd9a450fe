import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { FR_2025 } from "@/server/prevention/calendars/fr-2025";
import { addDays, isDay } from "@/server/prevention/days";
import { recommend } from "@/server/prevention/recommend";
import type { ConditionKind, ProcedureKind, VaccineKind } from "@/server/prevention/types";
import { SELF } from "@/server/prevention/evaluators/voice";

const VACCINES: VaccineKind[] = ["hexa", "dtcap", "dtp", "pcv", "menb", "menacwy", "menc", "ror", "hpv", "flu", "covid", "zoster", "rsv"];
const CONDITIONS: ConditionKind[] = ["asthma", "severe-asthma", "copd", "diabetes", "heart-failure", "immunocompromised", "pregnancy"];
const PROCEDURES: ProcedureKind[] = ["mammography", "fit", "colonoscopy", "cytology", "hpv-test", "bilan", "child-exam", "dental"];

const day = fc.integer({ min: 0, max: 365 * 110 }).map((n) => addDays("1920-01-01", n));

const facts = fc.record({
  birthDate: day,
  sex: fc.constantFrom("female" as const, "male" as const, "other" as const, "unknown" as const),
  conditions: fc.uniqueArray(fc.constantFrom(...CONDITIONS)).map((list) => new Set(list)),
  pregnancyStart: fc.option(day, { nil: undefined }),
  immunizations: fc.array(fc.record({ kind: fc.constantFrom(...VACCINES), date: day }), { maxLength: 12 }),
  procedures: fc.array(fc.record({ kind: fc.constantFrom(...PROCEDURES), date: day }), { maxLength: 6 }),
});

describe("recommend() over any record and any day", () => {
  it("answers one item per rule, in order, with a valid status, valid days, a reason and a source", () => {
    fc.assert(
      fc.property(facts, fc.integer({ min: 0, max: 365 * 110 }), (f, offset) => {
        const date = addDays(f.birthDate, offset);
        const items = recommend(f, FR_2025, date);
        expect(items.map((i) => i.item)).toEqual(FR_2025.rules.map((r) => r.item));
        for (const item of items) {
          expect(["DUE", "OVERDUE", "NOT_DUE", "COMPLETE", "NOT_APPLICABLE"]).toContain(item.status);
          if (item.due) expect(isDay(item.due)).toBe(true);
          if (item.next) expect(isDay(item.next)).toBe(true);
          // Not due means later: its date, when known, is after today; due and overdue are not in the future.
          if (item.status === "NOT_DUE" && item.due) expect(item.due > date).toBe(true);
          if ((item.status === "DUE" || item.status === "OVERDUE") && item.due) expect(item.due <= date).toBe(true);
          if (item.next) expect(item.next > date).toBe(true);
          expect(item.reason.length).toBeGreaterThan(20);
          expect(item.source.url).toMatch(/^https:\/\//);
        }
      }),
      { numRuns: 200 },
    );
  });

  it("is deterministic: the same facts and day give the same items", () => {
    fc.assert(
      fc.property(facts, fc.integer({ min: 0, max: 365 * 110 }), (f, offset) => {
        const date = addDays(f.birthDate, offset);
        expect(recommend(f, FR_2025, date)).toEqual(recommend(f, FR_2025, date));
      }),
      { numRuns: 100 },
    );
  });

  it("speaks to the person as « vous », and names them to anyone reading about them, with the same items otherwise", () => {
    // Second-person words a parent, a caregiver or a professional must not read about someone else
    // ("rendez-vous" is a noun, not an address).
    const secondPerson = /\b(vous|votre|vos|faites)\b/i;
    fc.assert(
      fc.property(facts, fc.integer({ min: 0, max: 365 * 110 }), fc.constantFrom("Léo", "Jean", "Marie-Hélène"), (f, offset, name) => {
        const date = addDays(f.birthDate, offset);
        const own = recommend(f, FR_2025, date, SELF);
        const other = recommend(f, FR_2025, date, { self: false, name });
        expect(recommend(f, FR_2025, date)).toEqual(own);
        expect(other.map(({ reason: _, ...rest }) => rest)).toEqual(own.map(({ reason: _, ...rest }) => rest));
        for (const [i, item] of other.entries()) {
          expect(item.reason.replaceAll("rendez-vous", "")).not.toMatch(secondPerson);
          const mine = own[i]!.reason;
          if (mine.startsWith("Vous avez ")) expect(item.reason.startsWith(`${name} a `)).toBe(true);
          // The same reason, word for word, once the address is put back.
          if (mine === item.reason) expect(mine.replaceAll("rendez-vous", "")).not.toMatch(secondPerson);
        }
      }),
      { numRuns: 300 },
    );
  });
});
