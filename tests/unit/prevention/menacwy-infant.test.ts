import { describe, expect, it } from "vitest";
import { itemFor, person, summary } from "./person";

/**
 * Calendrier des vaccinations 2025, méningocoques ACWY of the infant: a dose at 6 months, a dose
 * at 12 months; the obligation runs to 2 years, and a child not vaccinated against ACWY (a MenC
 * dose included) needs one dose from 12 to 24 months. So one ACWY dose from the 12-month day
 * completes the series; one the day before is the first of two.
 */
describe("MenACWY of the infant — one dose from 12 months completes it", () => {
  const BORN = "2025-03-15";
  it.each([
    { born: BORN, on: "2026-04-01", shots: [["menacwy", "2026-03-15"]], expected: { status: "COMPLETE" } },
    { born: BORN, on: "2026-04-01", shots: [["menacwy", "2026-03-14"]], expected: { status: "DUE", due: "2026-03-15", dose: 2 } },
    { born: BORN, on: "2026-06-01", shots: [["menacwy", "2026-05-01"]], expected: { status: "COMPLETE" } },
    // After a MenC dose (the former schedule), the ACWY dose at 12 months completes it.
    { born: BORN, on: "2026-04-01", shots: [["menc", "2025-08-15"], ["menacwy", "2026-03-20"]], expected: { status: "COMPLETE" } },
    // The schedule itself is unchanged: 6 months, then 12 months; overdue one month later.
    { born: BORN, on: "2026-03-14", shots: [["menacwy", "2025-09-20"]], expected: { status: "NOT_DUE", due: "2026-03-15", dose: 2 } },
    { born: BORN, on: "2026-04-15", shots: [["menacwy", "2025-09-20"]], expected: { status: "OVERDUE", due: "2026-03-15", dose: 2 } },
    { born: BORN, on: "2026-04-01", shots: [], expected: { status: "OVERDUE", due: "2025-09-15", dose: 1 } },
    // Past 24 months without it: no longer the infant's vaccination.
    { born: BORN, on: "2027-03-15", shots: [], expected: { status: "NOT_APPLICABLE" } },
    // Born on 29 February: 12 months on 28 February of the common year.
    { born: "2024-02-29", on: "2025-03-01", shots: [["menacwy", "2025-02-28"]], expected: { status: "COMPLETE" } },
    { born: "2024-02-29", on: "2025-03-01", shots: [["menacwy", "2025-02-27"]], expected: { status: "DUE", due: "2025-02-28", dose: 2 } },
  ] as const)("born $born, doses $shots, on $on: $expected.status", ({ born, on, shots, expected }) => {
    const facts = person({ born, shots: shots.map(([k, d]) => [k, d]) });
    expect(summary(itemFor(facts, "MENACWY_INFANT", on))).toEqual({ due: undefined, next: undefined, dose: undefined, ...expected });
  });

  it("says which dose completes it, and that one dose suffices once 12 months old", () => {
    const done = itemFor(person({ born: BORN, shots: [["menacwy", "2026-05-01"]] }), "MENACWY_INFANT", "2026-06-01");
    expect(done.reason).toContain("La dose faite à partir de 12 mois est enregistrée le 1er mai 2026 : elle complète cette vaccination.");
    const late = itemFor(person({ born: BORN }), "MENACWY_INFANT", "2026-04-01");
    expect(late.reason).toContain("Une dose faite à partir de 12 mois suffit à la compléter.");
  });
});
