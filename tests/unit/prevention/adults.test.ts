import { describe, expect, it } from "vitest";
import { itemFor, person, summary } from "./person";

/** Calendrier des vaccinations 2025: adults (eligibility: due, never overdue) and seasonal campaigns. */
describe("eligibility vaccines — Calendrier des vaccinations 2025", () => {
  it.each([
    // PCV20 once from 65, or for at-risk adults. Given once: no dose number, which the card would
    // read « (dose 1) » as if a second were to follow (as for RSV and the adolescent MenACWY).
    { item: "PCV20", born: "1960-04-01", on: "2025-03-31", conditions: [], shots: [], expected: { status: "NOT_DUE", due: "2025-04-01" } },
    { item: "PCV20", born: "1960-04-01", on: "2025-04-01", conditions: [], shots: [], expected: { status: "DUE", due: "2025-04-01" } },
    { item: "PCV20", born: "1960-04-01", on: "2040-04-01", conditions: [], shots: [], expected: { status: "DUE", due: "2025-04-01" } },
    { item: "PCV20", born: "1980-04-01", on: "2026-01-01", conditions: ["diabetes"], shots: [], expected: { status: "DUE", due: "1998-04-01" } },
    { item: "PCV20", born: "1980-04-01", on: "2026-01-01", conditions: ["asthma"], shots: [], expected: { status: "NOT_DUE", due: "2045-04-01" } },
    { item: "PCV20", born: "1950-04-01", on: "2026-01-01", conditions: [], shots: [["pcv", "2020-01-01"]], expected: { status: "COMPLETE" } },
    // Shingles: two doses two months apart, from 65 or immunocompromised adults.
    { item: "ZOSTER", born: "1960-04-01", on: "2026-01-01", conditions: [], shots: [], expected: { status: "DUE", due: "2025-04-01", dose: 1 } },
    { item: "ZOSTER", born: "1960-04-01", on: "2026-01-01", conditions: [], shots: [["zoster", "2025-12-01"]], expected: { status: "NOT_DUE", due: "2026-02-01", dose: 2 } },
    { item: "ZOSTER", born: "1960-04-01", on: "2026-02-01", conditions: [], shots: [["zoster", "2025-12-01"]], expected: { status: "DUE", due: "2026-02-01", dose: 2 } },
    { item: "ZOSTER", born: "1960-04-01", on: "2026-03-01", conditions: [], shots: [["zoster", "2025-12-01"], ["zoster", "2026-02-10"]], expected: { status: "COMPLETE" } },
    { item: "ZOSTER", born: "1990-04-01", on: "2026-01-01", conditions: ["immunocompromised"], shots: [], expected: { status: "DUE", due: "2008-04-01", dose: 1 } },
    // RSV from 75, or from 65 with chronic respiratory or cardiac disease.
    { item: "RSV_OLDER", born: "1955-04-01", on: "2026-01-01", conditions: [], shots: [], expected: { status: "NOT_DUE", due: "2030-04-01" } },
    { item: "RSV_OLDER", born: "1955-04-01", on: "2026-01-01", conditions: ["copd"], shots: [], expected: { status: "DUE", due: "2020-04-01" } },
    { item: "RSV_OLDER", born: "1955-04-01", on: "2026-01-01", conditions: ["heart-failure"], shots: [], expected: { status: "DUE", due: "2020-04-01" } },
    { item: "RSV_OLDER", born: "1950-04-01", on: "2026-01-01", conditions: [], shots: [], expected: { status: "DUE", due: "2025-04-01" } },
    // MMR catch-up to two doses for people born in 1980 or later.
    { item: "ROR_CATCHUP", born: "1980-01-01", on: "2026-01-01", conditions: [], shots: [], expected: { status: "DUE", due: "1998-01-01", dose: 1 } },
    { item: "ROR_CATCHUP", born: "1979-12-31", on: "2026-01-01", conditions: [], shots: [], expected: { status: "NOT_APPLICABLE" } },
    { item: "ROR_CATCHUP", born: "1985-01-01", on: "2026-01-01", conditions: [], shots: [["ror", "1986-01-10"]], expected: { status: "DUE", due: "2003-01-01", dose: 2 } },
    { item: "ROR_CATCHUP", born: "1995-01-01", on: "2026-01-01", conditions: [], shots: [["ror", "1996-01-10"], ["ror", "1996-06-10"]], expected: { status: "COMPLETE" } },
    // A catch-up is not a child's, whatever her doses: her own childhood items say where she is.
    { item: "ROR_CATCHUP", born: "2016-09-10", on: "2026-12-01", conditions: [], shots: [["ror", "2017-09-12"], ["ror", "2018-02-12"]], expected: { status: "NOT_APPLICABLE" } },
    { item: "MENACWY_CATCHUP", born: "2013-05-01", on: "2026-12-01", conditions: [], shots: [["menacwy", "2025-06-01"]], expected: { status: "NOT_APPLICABLE" } },
    { item: "MENACWY_CATCHUP", born: "2008-05-01", on: "2026-12-01", conditions: [], shots: [["menacwy", "2020-06-01"]], expected: { status: "COMPLETE" } },
  ] as const)("$item, born $born, on $on, $conditions: $expected.status", ({ item, born, on, conditions, shots, expected }) => {
    const facts = person({ born, conditions: [...conditions], shots: shots.map(([k, d]) => [k, d]) });
    expect(summary(itemFor(facts, item, on))).toEqual({ due: undefined, next: undefined, dose: undefined, ...expected });
  });

  it("the reason names the data and the source (issue 14's example)", () => {
    const item = itemFor(person({ born: "1960-01-10", sex: "male" }), "PCV20", "2026-11-30");
    expect(item.reason).toContain("Vous avez 66 ans et aucune vaccination contre le pneumocoque n'est enregistrée");
    expect(item.reason).toContain("Calendrier des vaccinations et recommandations vaccinales, 2025");
    expect(item.source.url).toMatch(/^https:\/\//);
  });
});

describe("seasonal vaccines — campaign windows are data (campaign 2025-2026: 14 October 2025 to 31 January 2026)", () => {
  const OLD = "1950-06-02";
  it.each([
    { item: "FLU", born: OLD, on: "2025-10-13", conditions: [], shots: [], expected: { status: "NOT_DUE", due: "2025-10-14" } },
    { item: "FLU", born: OLD, on: "2025-10-14", conditions: [], shots: [], expected: { status: "DUE", due: "2025-10-14" } },
    { item: "FLU", born: OLD, on: "2026-01-31", conditions: [], shots: [["flu", "2024-10-20"]], expected: { status: "DUE", due: "2025-10-14" } },
    { item: "FLU", born: OLD, on: "2026-02-01", conditions: [], shots: [], expected: { status: "NOT_DUE", due: "2026-10-13" } },
    { item: "FLU", born: OLD, on: "2025-12-01", conditions: [], shots: [["flu", "2025-10-20"]], expected: { status: "COMPLETE", next: "2026-10-13" } },
    { item: "FLU", born: "1990-01-01", on: "2025-12-01", conditions: [], shots: [], expected: { status: "NOT_APPLICABLE" } },
    { item: "FLU", born: "1990-01-01", on: "2025-12-01", conditions: ["asthma"], shots: [], expected: { status: "DUE", due: "2025-10-14" } },
    { item: "FLU", born: "1990-01-01", on: "2025-12-01", conditions: ["diabetes"], shots: [], expected: { status: "DUE", due: "2025-10-14" } },
    // COVID-19: 6 months since the last dose, 3 months from 80 or immunocompromised.
    { item: "COVID", born: OLD, on: "2025-10-14", conditions: [], shots: [["covid", "2025-06-01"]], expected: { status: "NOT_DUE", due: "2025-12-01" } },
    { item: "COVID", born: OLD, on: "2025-12-01", conditions: [], shots: [["covid", "2025-06-01"]], expected: { status: "DUE", due: "2025-12-01" } },
    { item: "COVID", born: OLD, on: "2025-10-14", conditions: ["immunocompromised"], shots: [["covid", "2025-06-01"]], expected: { status: "DUE", due: "2025-10-14" } },
    { item: "COVID", born: "1940-01-01", on: "2025-10-14", conditions: [], shots: [["covid", "2025-08-01"]], expected: { status: "NOT_DUE", due: "2025-11-01" } },
    { item: "COVID", born: OLD, on: "2025-10-14", conditions: [], shots: [["covid", "2025-09-01"]], expected: { status: "NOT_DUE", due: "2026-10-13" } },
  ] as const)("$item, born $born, on $on: $expected.status", ({ item, born, on, conditions, shots, expected }) => {
    const facts = person({ born, conditions: [...conditions], shots: shots.map(([k, d]) => [k, d]) });
    expect(summary(itemFor(facts, item, on))).toEqual({ due: undefined, next: undefined, dose: undefined, ...expected });
  });

  it("says when a campaign's dates are foreseen rather than published, during it too", () => {
    const old = person({ born: OLD });
    expect(itemFor(old, "FLU", "2026-12-06").reason).toContain("pendant la campagne 2026-2027 (du 13 octobre 2026 au 31 janvier 2027, dates prévisionnelles à confirmer)");
    expect(itemFor(old, "COVID", "2026-10-13").reason).toContain("dates prévisionnelles à confirmer");
    expect(itemFor(old, "FLU", "2025-12-01").reason).toContain("pendant la campagne 2025-2026 (du 14 octobre 2025 au 31 janvier 2026).");
  });

  it("a current pregnancy opens flu vaccination; one that started more than 42 weeks ago does not", () => {
    const pregnant = person({ born: "1995-01-01", conditions: ["pregnancy"], pregnancyStart: "2025-08-01" });
    expect(itemFor(pregnant, "FLU", "2025-11-01").status).toBe("DUE");
    const past = person({ born: "1995-01-01", conditions: ["pregnancy"], pregnancyStart: "2024-08-01" });
    expect(itemFor(past, "FLU", "2025-11-01").status).toBe("NOT_APPLICABLE");
  });
});
