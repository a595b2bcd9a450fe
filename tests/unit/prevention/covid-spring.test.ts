import { describe, expect, it } from "vitest";
import { itemFor, person, summary } from "./person";

/**
 * The spring COVID-19 dose (HAS, avis du 3 mars 2025; campaign of 14 April to 14 June 2025, ARS
 * Île-de-France): for people of 80 and more and the immunocompromised whatever their age, three
 * months after the last dose; beside the autumn campaign, which it does not replace.
 */
describe("COVID-19, spring dose", () => {
  const EIGHTY_ONE = "1944-03-01";
  it.each([
    // Eligible: 80 and more, or immunocompromised (from 6 months, as every COVID-19 vaccine).
    { born: EIGHTY_ONE, on: "2025-04-14", conditions: [], shots: [], expected: { status: "DUE", due: "2025-04-14" } },
    { born: EIGHTY_ONE, on: "2025-06-14", conditions: [], shots: [], expected: { status: "DUE", due: "2025-04-14" } },
    { born: "1990-03-01", on: "2025-05-01", conditions: ["immunocompromised"], shots: [], expected: { status: "DUE", due: "2025-04-14" } },
    { born: "1990-03-01", on: "2025-05-01", conditions: [], shots: [], expected: { status: "NOT_APPLICABLE" } },
    { born: "1950-03-01", on: "2025-05-01", conditions: ["diabetes"], shots: [], expected: { status: "NOT_APPLICABLE" } },
    // Three months after the last dose: an autumn dose in February waits until May.
    { born: EIGHTY_ONE, on: "2025-04-14", conditions: [], shots: [["covid", "2025-02-10"]], expected: { status: "NOT_DUE", due: "2025-05-10" } },
    { born: EIGHTY_ONE, on: "2025-05-10", conditions: [], shots: [["covid", "2025-02-10"]], expected: { status: "DUE", due: "2025-05-10" } },
    // Given this spring: done until the next spring.
    { born: EIGHTY_ONE, on: "2025-06-01", conditions: [], shots: [["covid", "2025-04-20"]], expected: { status: "COMPLETE", next: "2027-04-14" } },
    // Outside a spring campaign, not due: the next one, foreseen.
    { born: EIGHTY_ONE, on: "2026-12-06", conditions: [], shots: [["covid", "2026-10-20"]], expected: { status: "NOT_DUE", due: "2027-04-14" } },
  ] as const)("born $born, on $on, $conditions, $shots: $expected.status", ({ born, on, conditions, shots, expected }) => {
    const facts = person({ born, conditions: [...conditions], shots: shots.map(([k, d]) => [k, d]) });
    expect(summary(itemFor(facts, "COVID_SPRING", on))).toEqual({ due: undefined, next: undefined, dose: undefined, ...expected });
  });

  it("names the spring campaign and its foreseen dates, and the autumn item is unchanged by a spring dose", () => {
    const old = person({ born: EIGHTY_ONE, shots: [["covid", "2025-04-20"]] });
    expect(itemFor(old, "COVID_SPRING", "2025-06-01").reason).toContain("pendant la campagne de printemps 2025 (du 14 avril 2025 au 14 juin 2025)");
    expect(itemFor(person({ born: EIGHTY_ONE }), "COVID_SPRING", "2026-12-06").reason).toContain("La prochaine campagne commence le 14 avril 2027 (date prévisionnelle, à confirmer).");
    // The spring dose of April is more than three months before the autumn campaign: the autumn dose is due.
    expect(itemFor(old, "COVID", "2025-10-14").status).toBe("DUE");
    expect(itemFor(old, "COVID_SPRING", "2025-06-01").source.url).toMatch(/^https:\/\/www\.iledefrance\.ars\.sante\.fr\//);
  });
});
