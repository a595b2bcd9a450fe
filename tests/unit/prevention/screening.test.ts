import { describe, expect, it } from "vitest";
import { itemFor, person, summary } from "./person";

const W = "1976-05-20";

describe("SCR_BREAST — programme de dépistage organisé du cancer du sein (women 50–74, every 2 years; overdue 6 months later)", () => {
  it.each([
    { on: "2026-05-19", sex: "female", procedures: [], expected: { status: "NOT_DUE", due: "2026-05-20" } },
    { on: "2026-05-20", sex: "female", procedures: [], expected: { status: "DUE", due: "2026-05-20" } },
    { on: "2026-11-19", sex: "female", procedures: [], expected: { status: "DUE", due: "2026-05-20" } },
    { on: "2026-11-20", sex: "female", procedures: [], expected: { status: "OVERDUE", due: "2026-05-20" } },
    { on: "2027-01-01", sex: "female", procedures: [["mammography", "2026-06-01"]], expected: { status: "COMPLETE", next: "2028-06-01" } },
    { on: "2028-06-01", sex: "female", procedures: [["mammography", "2026-06-01"]], expected: { status: "DUE", due: "2028-06-01" } },
    { on: "2050-05-19", sex: "female", procedures: [["mammography", "2049-01-01"]], expected: { status: "COMPLETE", next: "2051-01-01" } },
    { on: "2050-05-19", sex: "female", procedures: [["mammography", "2049-06-01"]], expected: { status: "COMPLETE" } },
    { on: "2050-05-19", sex: "female", procedures: [], expected: { status: "OVERDUE", due: "2026-05-20" } },
    { on: "2051-05-20", sex: "female", procedures: [], expected: { status: "NOT_APPLICABLE" } },
    { on: "2030-01-01", sex: "male", procedures: [], expected: { status: "NOT_APPLICABLE" } },
  ] as const)("on $on ($sex, $procedures.length test): $expected.status", ({ on, sex, procedures, expected }) => {
    const facts = person({ born: W, sex, procedures: procedures.map(([k, d]) => [k, d]) });
    expect(summary(itemFor(facts, "SCR_BREAST", on))).toEqual({ due: undefined, next: undefined, dose: undefined, ...expected });
  });

  it("74 is included (band edge): due the day before the 75th birthday, not applicable on it", () => {
    const facts = person({ born: W, procedures: [["mammography", "2048-06-01"]] });
    expect(itemFor(facts, "SCR_BREAST", "2051-05-19").status).toBe("OVERDUE");
    expect(itemFor(facts, "SCR_BREAST", "2051-05-20").status).toBe("NOT_APPLICABLE");
  });
});

describe("SCR_CRC — programme de dépistage organisé du cancer colorectal (50–74, stool test every 2 years)", () => {
  it.each([
    { on: "2026-05-20", sex: "male", procedures: [], expected: { status: "DUE", due: "2026-05-20" } },
    { on: "2027-01-01", sex: "male", procedures: [["fit", "2026-06-01"]], expected: { status: "COMPLETE", next: "2028-06-01" } },
    { on: "2029-01-01", sex: "male", procedures: [["fit", "2026-06-01"]], expected: { status: "OVERDUE", due: "2028-06-01" } },
    { on: "2029-01-01", sex: "male", procedures: [["fit", "2026-06-01"], ["colonoscopy", "2027-03-01"]], expected: { status: "COMPLETE", next: "2032-03-01" } },
  ] as const)("on $on: $expected.status", ({ on, sex, procedures, expected }) => {
    const facts = person({ born: W, sex, procedures: procedures.map(([k, d]) => [k, d]) });
    expect(summary(itemFor(facts, "SCR_CRC", on))).toEqual({ due: undefined, next: undefined, dose: undefined, ...expected });
  });
});

describe("SCR_CERVIX — dépistage organisé du cancer du col (25–29 cytology, 2nd at one year, then 3 years; 30–65 HPV every 5 years)", () => {
  const B = "2000-03-01";
  it.each([
    { on: "2025-02-28", procedures: [], expected: { status: "NOT_DUE", due: "2025-03-01" }, test: "cytology" },
    { on: "2025-03-01", procedures: [], expected: { status: "DUE", due: "2025-03-01" }, test: "cytology" },
    { on: "2025-12-01", procedures: [["cytology", "2025-04-01"]], expected: { status: "COMPLETE", next: "2026-04-01" }, test: "cytology" },
    { on: "2026-12-01", procedures: [["cytology", "2025-04-01"], ["cytology", "2026-04-02"]], expected: { status: "COMPLETE", next: "2029-04-02" }, test: "cytology" },
    { on: "2029-04-02", procedures: [["cytology", "2025-04-01"], ["cytology", "2026-04-02"]], expected: { status: "DUE", due: "2029-04-02" }, test: "cytology" },
    // First HPV test three years after the last normal cytology, then every five years.
    { on: "2031-01-01", procedures: [["cytology", "2029-05-01"]], expected: { status: "COMPLETE", next: "2032-05-01" }, test: "hpv-test" },
    { on: "2033-01-01", procedures: [["hpv-test", "2032-05-01"]], expected: { status: "COMPLETE", next: "2037-05-01" }, test: "hpv-test" },
    { on: "2037-11-01", procedures: [["hpv-test", "2032-05-01"]], expected: { status: "OVERDUE", due: "2037-05-01" }, test: "hpv-test" },
    { on: "2066-02-28", procedures: [["hpv-test", "2060-05-01"]], expected: { status: "OVERDUE", due: "2065-05-01" }, test: "hpv-test" },
    { on: "2066-03-01", procedures: [], expected: { status: "NOT_APPLICABLE" }, test: "cytology" },
  ] as const)("on $on: $expected.status", ({ on, procedures, expected, test }) => {
    const item = itemFor(person({ born: B, procedures: procedures.map(([k, d]) => [k, d]) }), "SCR_CERVIX", on);
    expect(summary(item)).toEqual({ due: undefined, next: undefined, dose: undefined, ...expected });
    if (expected.status !== "NOT_APPLICABLE") expect(item.records).toEqual({ procedure: test });
  });
});

describe("BILAN_PREV — Mon bilan prévention, once in each band 18–25, 45–50, 60–65, 70–75 (bounds included)", () => {
  const B = "1980-07-01";
  it.each([
    { on: "1998-06-30", procedures: [], expected: { status: "NOT_DUE", due: "1998-07-01" } },
    { on: "1998-07-01", procedures: [], expected: { status: "DUE", due: "1998-07-01" } },
    { on: "2006-06-30", procedures: [], expected: { status: "DUE", due: "1998-07-01" } },
    { on: "2006-07-01", procedures: [], expected: { status: "NOT_DUE", due: "2025-07-01" } },
    { on: "2025-07-01", procedures: [], expected: { status: "DUE", due: "2025-07-01" } },
    { on: "2031-06-30", procedures: [], expected: { status: "DUE", due: "2025-07-01" } },
    { on: "2027-01-01", procedures: [["bilan", "2026-02-01"]], expected: { status: "COMPLETE", next: "2040-07-01" } },
    { on: "2056-06-30", procedures: [], expected: { status: "DUE", due: "2050-07-01" } },
    { on: "2056-07-01", procedures: [], expected: { status: "NOT_APPLICABLE" } },
  ] as const)("on $on: $expected.status", ({ on, procedures, expected }) => {
    const facts = person({ born: B, procedures: procedures.map(([k, d]) => [k, d]) });
    expect(summary(itemFor(facts, "BILAN_PREV", on))).toEqual({ due: undefined, next: undefined, dose: undefined, ...expected });
  });
});

describe("the child's follow-up — examens obligatoires (CSP R2132-1) and M'T dents", () => {
  const B = "2024-01-15";
  it.each([
    { item: "CHILD_EXAM", on: "2024-01-20", procedures: [], expected: { status: "DUE", due: "2024-01-15" } },
    { item: "CHILD_EXAM", on: "2024-03-20", procedures: [["child-exam", "2024-03-16"]], expected: { status: "COMPLETE", next: "2024-04-15" } },
    { item: "CHILD_EXAM", on: "2024-09-01", procedures: [], expected: { status: "NOT_DUE", due: "2024-09-15" } },
    { item: "CHILD_EXAM", on: "2041-01-15", procedures: [], expected: { status: "NOT_APPLICABLE" } },
    { item: "DENTAL", on: "2026-01-15", procedures: [], expected: { status: "NOT_DUE", due: "2027-01-15" } },
    { item: "DENTAL", on: "2027-01-15", procedures: [], expected: { status: "DUE", due: "2027-01-15" } },
    { item: "DENTAL", on: "2027-06-01", procedures: [["dental", "2027-03-01"]], expected: { status: "COMPLETE", next: "2028-01-15" } },
    { item: "DENTAL", on: "2049-01-15", procedures: [], expected: { status: "NOT_APPLICABLE" } },
  ] as const)("$item on $on: $expected.status", ({ item, on, procedures, expected }) => {
    const facts = person({ born: B, procedures: procedures.map(([k, d]) => [k, d]) });
    expect(summary(itemFor(facts, item, on))).toEqual({ due: undefined, next: undefined, dose: undefined, ...expected });
  });
});
