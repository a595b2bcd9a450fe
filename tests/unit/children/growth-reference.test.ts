import { describe, expect, it } from "vitest";
import reference from "@/server/children/growth-lms.json";
import { lmsAt, referenceSpan, type GrowthMeasure, type Sex } from "@/server/children/growth-reference";
import { centileOfZ, CENTILE_LINES, normalCdf, valueAtZ, zScore } from "@/server/children/lms";

/**
 * The reference data against values published by the WHO (Child Growth Standards, 2006/2007,
 * LMS tables by month: https://www.who.int/tools/child-growth-standards/standards), and the
 * LMS maths (Cole & Green 1992) on cases worked by hand.
 */
describe("the reference tables carry the WHO's published LMS values", () => {
  it.each([
    // measure, sex, age (years), L, M, S — WHO tables, by month
    ["weight", "male", 1, 0.0644, 9.6479, 0.10925], // weight-for-age boys, 12 months: median ≈ 9.6 kg
    ["weight", "female", 1, -0.2024, 8.9481, 0.12268], // weight-for-age girls, 12 months
    ["weight", "male", 0, 0.3487, 3.3464, 0.14602], // boys at birth
    ["height", "male", 0, 1, 49.8842, 0.03795], // length-for-age boys at birth
    ["height", "male", 2, 1, 87.8161, 0.03479], // length-for-age boys, 24 months
    ["ofc", "female", 1, 1, 44.8965, 0.03027], // head circumference-for-age girls, 12 months
  ] as const)("%s %s at %s y: L %s, M %s, S %s", (measure, sex, age, L, M, S) => {
    const lms = lmsAt(measure, sex, age)!;
    expect(lms.L).toBeCloseTo(L, 4);
    expect(lms.M).toBeCloseTo(M, 4);
    expect(lms.S).toBeCloseTo(S, 5);
  });

  it("WHO boys at 12 months: 3rd, 50th and 97th centiles of weight are 7.8, 9.6 and 11.8 kg (the WHO percentile table)", () => {
    const lms = lmsAt("weight", "male", 1)!;
    expect(valueAtZ(-1.880794, lms).toFixed(1)).toBe("7.8");
    expect(valueAtZ(0, lms).toFixed(1)).toBe("9.6");
    expect(valueAtZ(1.880794, lms).toFixed(1)).toBe("11.8");
  });

  it("every row is [age, L, M, S] with ages increasing, for each measure and sex, from birth to the end of childhood", () => {
    const tables = (reference as { measures: Record<GrowthMeasure, Record<Sex, number[][]>> }).measures;
    for (const measure of ["weight", "height", "bmi", "ofc"] as const) {
      for (const sex of ["male", "female"] as const) {
        const rows = tables[measure][sex];
        rows.forEach((row, i) => {
          expect(row).toHaveLength(4);
          expect(row[2]).toBeGreaterThan(0);
          expect(row[3]).toBeGreaterThan(0);
          if (i > 0) expect(row[0]).toBeGreaterThan(rows[i - 1]![0]!);
        });
        expect(referenceSpan(measure, sex).from).toBe(0);
        expect(referenceSpan(measure, sex).to).toBeGreaterThanOrEqual(17);
      }
    }
  });

  it("interpolates between rows and answers nothing outside the reference's ages", () => {
    const a = lmsAt("weight", "male", 1)!;
    const b = lmsAt("weight", "male", 1 + 1 / 12)!;
    const mid = lmsAt("weight", "male", 1 + 1 / 24)!;
    expect(mid.M).toBeCloseTo((a.M + b.M) / 2, 6);
    expect(lmsAt("weight", "male", -0.1)).toBeUndefined();
    expect(lmsAt("weight", "male", 20.5)).toBeUndefined();
    expect(lmsAt("ofc", "female", 17.5)).toBeUndefined();
    expect(lmsAt("weight", "male", Number.NaN)).toBeUndefined();
  });
});

describe("LMS maths", () => {
  it.each([
    // value, L, M, S, z — worked by hand from the formulas
    [10, 1, 10, 0.1, 0], // the median is z = 0
    [11, 1, 10, 0.1, 1], // L = 1: a normal distribution, (11/10 − 1)/0.1
    [9, 1, 10, 0.1, -1],
    [10 * Math.exp(0.2), 0, 10, 0.1, 2], // L = 0: ln(X/M)/S
    [11, 2, 10, 0.1, 1.05], // (1.1² − 1)/(2·0.1) = 0.21/0.2
    [5, -1, 10, 0.1, -10], // (0.5⁻¹ − 1)/(−1·0.1) = 1/(−0.1)
  ])("X=%s, L=%s, M=%s, S=%s → z=%s", (value, L, M, S, z) => {
    expect(zScore(value, { L, M, S })).toBeCloseTo(z, 9);
    expect(valueAtZ(z, { L, M, S })).toBeCloseTo(value, 9);
  });

  it("the centile lines are Φ⁻¹ of their centile", () => {
    for (const line of CENTILE_LINES) expect(centileOfZ(line.z)).toBeCloseTo(line.centile, 3);
  });

  it.each([
    [0, 0.5],
    [1, 0.841345],
    [-1.959964, 0.025],
    [3, 0.99865],
  ])("Φ(%s) = %s", (z, p) => {
    expect(normalCdf(z)).toBeCloseTo(p, 5);
  });

  it("round-trips a real child's value: 32 kg at 10 years is about the 56th centile of UK90 boys", () => {
    const lms = lmsAt("weight", "male", 10)!;
    const z = zScore(32, lms);
    expect(valueAtZ(z, lms)).toBeCloseTo(32, 9);
    expect(centileOfZ(z)).toBeGreaterThan(50);
    expect(centileOfZ(z)).toBeLessThan(60);
  });
});
