import { describe, expect, it } from "vitest";
import { itemFor, person, summary } from "./person";

/** Calendrier des vaccinations 2025: infants, children and adolescents. */
const BORN = "2025-03-15";

describe("infants — Calendrier des vaccinations 2025 (overdue one month after the target age, issue 14 convention)", () => {
  it.each([
    { item: "HEXA", on: "2025-05-14", shots: [], expected: { status: "NOT_DUE", due: "2025-05-15", dose: 1 } },
    { item: "HEXA", on: "2025-05-15", shots: [], expected: { status: "DUE", due: "2025-05-15", dose: 1 } },
    { item: "HEXA", on: "2025-06-14", shots: [], expected: { status: "DUE", due: "2025-05-15", dose: 1 } },
    { item: "HEXA", on: "2025-06-15", shots: [], expected: { status: "OVERDUE", due: "2025-05-15", dose: 1 } },
    { item: "HEXA", on: "2025-08-15", shots: [["hexa", "2025-05-20"]], expected: { status: "OVERDUE", due: "2025-07-15", dose: 2 } },
    { item: "HEXA", on: "2026-02-15", shots: [["hexa", "2025-05-20"], ["hexa", "2025-07-20"]], expected: { status: "DUE", due: "2026-02-15", dose: 3 } },
    { item: "HEXA", on: "2026-03-20", shots: [["hexa", "2025-05-20"], ["hexa", "2025-07-20"], ["hexa", "2026-02-20"]], expected: { status: "COMPLETE" } },
    { item: "PCV_INFANT", on: "2025-07-16", shots: [["pcv", "2025-05-20"]], expected: { status: "DUE", due: "2025-07-15", dose: 2 } },
    { item: "MENB_INFANT", on: "2025-06-15", shots: [], expected: { status: "DUE", due: "2025-06-15", dose: 1 } },
    { item: "MENB_INFANT", on: "2025-09-15", shots: [["menb", "2025-06-20"]], expected: { status: "OVERDUE", due: "2025-08-15", dose: 2 } },
    { item: "MENACWY_INFANT", on: "2025-09-15", shots: [], expected: { status: "DUE", due: "2025-09-15", dose: 1 } },
    { item: "MENACWY_INFANT", on: "2026-03-15", shots: [["menacwy", "2025-09-20"]], expected: { status: "DUE", due: "2026-03-15", dose: 2 } },
    // MMR: 12 months, then 16–18 months (overdue from 19 months).
    { item: "ROR", on: "2026-03-15", shots: [], expected: { status: "DUE", due: "2026-03-15", dose: 1 } },
    { item: "ROR", on: "2026-09-14", shots: [["ror", "2026-03-20"]], expected: { status: "DUE", due: "2026-07-15", dose: 2 } },
    { item: "ROR", on: "2026-10-14", shots: [["ror", "2026-03-20"]], expected: { status: "DUE", due: "2026-07-15", dose: 2 } },
    { item: "ROR", on: "2026-10-15", shots: [["ror", "2026-03-20"]], expected: { status: "OVERDUE", due: "2026-07-15", dose: 2 } },
  ] as const)("$item on $on with $shots.length dose(s): $expected.status", ({ item, on, shots, expected }) => {
    const facts = person({ born: BORN, shots: shots.map(([k, d]) => [k, d]) });
    expect(summary(itemFor(facts, item, on))).toEqual({ due: undefined, next: undefined, dose: undefined, ...expected });
  });

  it.each([
    ["2025-01-01", "MENB_INFANT", true],
    ["2024-12-31", "MENB_INFANT", false],
    ["2018-01-01", "HEXA", true],
    ["2017-12-31", "HEXA", false],
    ["2025-01-01", "MENACWY_INFANT", true],
  ])("born %s: %s mandatory = %s (obligations of 2018 and 2025)", (born, item, mandatory) => {
    expect(itemFor(person({ born }), item, born).mandatory).toBe(mandatory);
  });

  it("an adult's pneumococcal dose is not an infant dose; past the series' age it no longer applies", () => {
    const facts = person({ born: "1950-06-02", shots: [["pcv", "2022-11-07"]] });
    expect(itemFor(facts, "PCV_INFANT", "2026-11-30").status).toBe("NOT_APPLICABLE");
    expect(itemFor(facts, "PCV20", "2026-11-30").status).toBe("COMPLETE");
  });
});

describe("children and adolescents — Calendrier des vaccinations 2025", () => {
  const KID = "2016-09-10";
  it.each([
    { item: "DTCAP_6Y", on: "2022-09-09", shots: [], expected: { status: "NOT_DUE", due: "2022-09-10" } },
    { item: "DTCAP_6Y", on: "2022-09-10", shots: [], expected: { status: "DUE", due: "2022-09-10" } },
    { item: "DTCAP_6Y", on: "2023-09-10", shots: [], expected: { status: "OVERDUE", due: "2022-09-10" } },
    { item: "DTCAP_6Y", on: "2026-11-30", shots: [["dtcap", "2022-09-19"]], expected: { status: "COMPLETE" } },
    { item: "DTCAP_11_13", on: "2027-09-10", shots: [["dtcap", "2022-09-19"]], expected: { status: "DUE", due: "2027-09-10" } },
    { item: "DTCAP_11_13", on: "2030-09-09", shots: [], expected: { status: "DUE", due: "2027-09-10" } },
    { item: "DTCAP_11_13", on: "2030-09-10", shots: [], expected: { status: "OVERDUE", due: "2027-09-10" } },
    { item: "DTCAP_11_13", on: "2032-09-10", shots: [], expected: { status: "NOT_APPLICABLE" } },
    // HPV: 2 doses (0, 6 months) from 11 to 14; 3 doses (0, 2, 6 months) in catch-up to 26.
    { item: "HPV", on: "2027-09-09", shots: [], expected: { status: "NOT_DUE", due: "2027-09-10", dose: 1 } },
    { item: "HPV", on: "2027-09-10", shots: [], expected: { status: "DUE", due: "2027-09-10", dose: 1 } },
    { item: "HPV", on: "2028-01-01", shots: [["hpv", "2027-10-01"]], expected: { status: "NOT_DUE", due: "2028-04-01", dose: 2 } },
    { item: "HPV", on: "2028-05-01", shots: [["hpv", "2027-10-01"], ["hpv", "2028-04-02"]], expected: { status: "COMPLETE" } },
    { item: "HPV", on: "2032-01-01", shots: [["hpv", "2031-10-01"]], expected: { status: "DUE", due: "2031-12-01", dose: 2 } },
    { item: "HPV", on: "2032-05-01", shots: [["hpv", "2031-10-01"], ["hpv", "2031-12-02"]], expected: { status: "DUE", due: "2032-04-01", dose: 3 } },
    { item: "HPV", on: "2043-09-09", shots: [], expected: { status: "DUE", due: "2031-09-10", dose: 1 } },
    { item: "HPV", on: "2043-09-10", shots: [], expected: { status: "NOT_APPLICABLE" } },
    // MenACWY for all at 11–14, catch-up 15–24.
    { item: "MENACWY_ADO", on: "2027-09-10", shots: [], expected: { status: "DUE", due: "2027-09-10" } },
    { item: "MENACWY_ADO", on: "2031-09-10", shots: [], expected: { status: "NOT_APPLICABLE" } },
    { item: "MENACWY_CATCHUP", on: "2030-09-10", shots: [], expected: { status: "NOT_APPLICABLE" } },
    { item: "MENACWY_CATCHUP", on: "2031-09-10", shots: [], expected: { status: "DUE", due: "2031-09-10" } },
    { item: "MENACWY_CATCHUP", on: "2041-09-09", shots: [], expected: { status: "DUE", due: "2031-09-10" } },
    { item: "MENACWY_CATCHUP", on: "2041-09-10", shots: [], expected: { status: "NOT_APPLICABLE" } },
    { item: "MENACWY_CATCHUP", on: "2032-01-01", shots: [["menacwy", "2028-01-01"]], expected: { status: "COMPLETE" } },
  ] as const)("$item on $on: $expected.status", ({ item, on, shots, expected }) => {
    const facts = person({ born: KID, sex: "male", shots: shots.map(([k, d]) => [k, d]) });
    expect(summary(itemFor(facts, item, on))).toEqual({ due: undefined, next: undefined, dose: undefined, ...expected });
  });
});

describe("the HPV course's source", () => {
  it("cites the HAS recommendation that opened the catch-up to 26 years, not the 2025 calendar alone (15 to 19 there)", () => {
    const item = itemFor(person({ born: "2004-01-10" }), "HPV", "2026-12-06");
    expect(item.status).toBe("DUE");
    expect(item.source.document).toContain("HAS du 30 avril 2025");
    expect(item.reason).toContain("rattrapage jusqu'à 26 ans révolus");
    expect(item.source.url).toMatch(/^https:\/\//);
  });
});

describe("the HPV course's text: the doses counted in agreement", () => {
  const KID = "2016-09-10";
  it.each([
    { on: "2032-01-01", shots: [["hpv", "2031-10-01"]], said: "3 doses sont prévues, 1 enregistrée." },
    { on: "2032-05-01", shots: [["hpv", "2031-10-01"], ["hpv", "2031-12-02"]], said: "3 doses sont prévues, 2 enregistrées." },
    { on: "2043-09-10", shots: [["hpv", "2031-10-01"]], said: "1 dose sur 3 enregistrée ;" },
  ] as const)("on $on: « $said »", ({ on, shots, said }) => {
    const facts = person({ born: KID, sex: "female", shots: shots.map(([k, d]) => [k, d]) });
    const text = itemFor(facts, "HPV", on).reason;
    expect(text).toContain(said);
    expect(text).not.toContain("(s)");
  });
});
