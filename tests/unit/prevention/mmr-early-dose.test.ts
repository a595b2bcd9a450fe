import { describe, expect, it } from "vitest";
import { itemFor, person, summary } from "./person";

/**
 * Calendrier des vaccinations 2025, rougeole-oreillons-rubéole: two doses from 12 months (12, then
 * 16 to 18 months); whoever was born since 1980 and had a first dose before 12 months (given early
 * for a stay abroad or an outbreak) needs a third. So a dose before 12 months counts in neither
 * the child's series nor the adult catch-up; a dose on the 12-month day does.
 */
describe("MMR — a dose before 12 months does not count", () => {
  const BORN = "2024-01-15";
  it.each([
    // A dose at 9 months: the first of the two is still due at 12 months.
    { born: BORN, on: "2025-01-14", shots: ["2024-10-15"], expected: { status: "NOT_DUE", due: "2025-01-15", dose: 1 } },
    { born: BORN, on: "2025-01-15", shots: ["2024-10-15"], expected: { status: "DUE", due: "2025-01-15", dose: 1 } },
    // The day before the 12-month day does not count; the 12-month day does.
    { born: BORN, on: "2025-02-01", shots: ["2025-01-14"], expected: { status: "DUE", due: "2025-01-15", dose: 1 } },
    { born: BORN, on: "2025-02-01", shots: ["2025-01-15"], expected: { status: "NOT_DUE", due: "2025-05-15", dose: 2 } },
    // Early dose, then 12 months: the 16–18-month dose is still to give; with it, complete.
    { born: BORN, on: "2025-06-01", shots: ["2024-10-15", "2025-01-20"], expected: { status: "DUE", due: "2025-05-15", dose: 2 } },
    { born: BORN, on: "2025-08-15", shots: ["2024-10-15", "2025-01-20"], expected: { status: "OVERDUE", due: "2025-05-15", dose: 2 } },
    { born: BORN, on: "2025-08-15", shots: ["2024-10-15", "2025-01-20", "2025-05-20"], expected: { status: "COMPLETE" } },
    // Born on 29 February: 12 months on 28 February of the common year.
    { born: "2024-02-29", on: "2025-03-01", shots: ["2025-02-27"], expected: { status: "DUE", due: "2025-02-28", dose: 1 } },
    { born: "2024-02-29", on: "2025-03-01", shots: ["2025-02-28"], expected: { status: "NOT_DUE", due: "2025-06-29", dose: 2 } },
  ])("ROR, born $born, doses $shots, on $on: $expected.status", ({ born, on, shots, expected }) => {
    const facts = person({ born, shots: shots.map((day) => ["ror", day]) });
    expect(summary(itemFor(facts, "ROR", on))).toEqual({ due: undefined, next: undefined, dose: undefined, ...expected });
  });

  const ADULT = "1990-06-01";
  it.each([
    // An early dose and one at 12 months: one dose counts, the second is due.
    { on: "2026-12-06", shots: ["1991-03-01", "1991-06-01"], expected: { status: "DUE", due: "2008-06-01", dose: 2 } },
    { on: "2026-12-06", shots: ["1991-05-31", "1991-06-01"], expected: { status: "DUE", due: "2008-06-01", dose: 2 } },
    // The third dose the calendar asks for: complete.
    { on: "2026-12-06", shots: ["1991-05-31", "1991-06-01", "1992-10-01"], expected: { status: "COMPLETE" } },
    { on: "2026-12-06", shots: ["1991-06-01", "1992-10-01"], expected: { status: "COMPLETE" } },
  ])("ROR_CATCHUP, born 1990-06-01, doses $shots: $expected.status", ({ on, shots, expected }) => {
    const facts = person({ born: ADULT, shots: shots.map((day) => ["ror", day]) });
    expect(summary(itemFor(facts, "ROR_CATCHUP", on))).toEqual({ due: undefined, next: undefined, dose: undefined, ...expected });
  });

  it("says the early dose is there and why it does not count, never « aucune dose »", () => {
    const child = itemFor(person({ born: BORN, shots: [["ror", "2024-10-15"]] }), "ROR", "2025-01-20");
    expect(child.reason).toContain("Une dose reçue avant 12 mois ne compte pas dans ces 2 doses.");
    const adult = itemFor(person({ born: ADULT, shots: [["ror", "1991-03-01"]] }), "ROR_CATCHUP", "2026-12-06");
    expect(adult.reason).toContain("aucune vaccination contre la rougeole, les oreillons et la rubéole n'est enregistrée depuis l'âge de 12 mois");
  });

  it("an infant's MenACWY is in the record: the adolescent dose is due, and the reason does not say « none »", () => {
    const item = itemFor(person({ born: "2014-01-01", shots: [["menacwy", "2014-07-01"]] }), "MENACWY_ADO", "2026-12-06");
    expect(item.status).toBe("DUE");
    expect(item.reason).toContain("aucune vaccination contre les méningocoques ACWY n'est enregistrée depuis l'âge de 10 ans");
  });
});
