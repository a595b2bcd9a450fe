import { describe, expect, it } from "vitest";
import { itemFor, person, summary } from "./person";

/**
 * Calendrier des vaccinations 2025, adult dTP boosters at 25 (dTcaP), 45, 65, then every 10 years,
 * and its catch-up rules (the calendar's own worked examples first).
 */
const BORN = "1990-05-10";
const at = (age: number) => `${1990 + age}-05-10`;
const dtpAt = (age: number): [ "dtp", string ] => ["dtp", `${1990 + age}-06-01`];

describe("DTP_ADULT — Calendrier des vaccinations 2025, rappels de l'adulte", () => {
  it.each([
    // The calendar's examples.
    { case: "last at 30, aged 33 → next at 45", last: 30, age: 33, expected: { status: "COMPLETE", next: at(45) } },
    { case: "last at 40, aged 43 → next at 65, not 45", last: 40, age: 43, expected: { status: "COMPLETE", next: at(65) } },
    { case: "last at 18, aged 35 → now, then 45", last: 18, age: 35, expected: { status: "OVERDUE", due: at(25), next: at(45) } },
    { case: "last at 18, aged 43 → now, then 65", last: 18, age: 43, expected: { status: "OVERDUE", due: at(25), next: at(65) } },
    // Fixed ages: due during the year of age, overdue after.
    { case: "last at 12, aged 24 → not yet, at 25", last: 12, age: 24, expected: { status: "NOT_DUE", due: at(25) } },
    { case: "last at 12, aged 25 → due this year (with pertussis), then 45", last: 12, age: 25, expected: { status: "DUE", due: at(25), next: at(45) } },
    { case: "last at 12, aged 26 → overdue, then 45", last: 12, age: 26, expected: { status: "OVERDUE", due: at(25), next: at(45) } },
    { case: "last at 25, aged 45 → due", last: 25, age: 45, expected: { status: "DUE", due: at(45), next: at(65) } },
    { case: "last at 45, aged 66 → overdue (65 missed), then 75", last: 45, age: 66, expected: { status: "OVERDUE", due: at(65), next: at(75) } },
    { case: "last at 65, aged 70 → next at 75", last: 65, age: 70, expected: { status: "COMPLETE", next: at(75) } },
    { case: "last at 65, aged 76 → overdue since 75, then 85", last: 65, age: 76, expected: { status: "OVERDUE", due: at(75), next: at(85) } },
    { case: "last at 60, aged 66 → 65 skipped (5 years), next 75", last: 60, age: 66, expected: { status: "COMPLETE", next: at(75) } },
    { case: "last at 20, aged 30 → 25 skipped, next 45", last: 20, age: 30, expected: { status: "COMPLETE", next: at(45) } },
  ])("$case", ({ last, age, expected }) => {
    const facts = person({ born: BORN, shots: [dtpAt(last)] });
    expect(summary(itemFor(facts, "DTP_ADULT", at(age)))).toEqual({ dose: undefined, due: undefined, next: undefined, ...expected });
  });

  it("with no booster recorded at 40: overdue since 25, then 65 (45 is less than five years away)", () => {
    const item = itemFor(person({ born: BORN }), "DTP_ADULT", at(40));
    expect(summary(item)).toEqual({ status: "OVERDUE", due: at(25), next: at(65), dose: undefined });
    expect(item.reason).toContain("Calendrier des vaccinations");
  });

  it("the day before the 26th birthday the 25-year booster is still due, not overdue", () => {
    expect(itemFor(person({ born: BORN, shots: [dtpAt(12)] }), "DTP_ADULT", "2016-05-09").status).toBe("DUE");
    expect(itemFor(person({ born: BORN, shots: [dtpAt(12)] }), "DTP_ADULT", "2016-05-10").status).toBe("OVERDUE");
  });

  it("born on 29 February: the 65-year booster is due from 28 February of a common year", () => {
    const facts = person({ born: "1960-02-29", shots: [["dtp", "2005-03-01"]] });
    expect(itemFor(facts, "DTP_ADULT", "2025-02-27").status).toBe("COMPLETE");
    expect(summary(itemFor(facts, "DTP_ADULT", "2025-02-28"))).toEqual({ status: "DUE", due: "2025-02-28", next: "2035-02-28", dose: undefined });
  });

  it("Jean (born 2 June 1950, last dTP 15 June 2015): overdue on 30 November 2026", () => {
    const facts = person({ born: "1950-06-02", sex: "male", shots: [["dtp", "2015-06-15"]] });
    expect(summary(itemFor(facts, "DTP_ADULT", "2026-11-30"))).toEqual({ status: "OVERDUE", due: "2025-06-02", next: "2035-06-02", dose: undefined });
  });
});
