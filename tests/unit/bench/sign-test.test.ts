import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { halfBinomialUpperTail } from "../../../scripts/bench/stats";

// The pages bench judges "no page slower than the documents page" with this tail (pages.ts,
// compareInRounds): a wrong tail would flag pages as fast as it, or let a slower one through.
describe("halfBinomialUpperTail: P(X ≥ k), X ~ Binomial(n, 1/2)", () => {
  it.each([
    // Counted by hand: 2^-n times the sum of C(n, i) for i ≥ k.
    [1, 1, 1 / 2],
    [2, 1, 3 / 4],
    [2, 2, 1 / 4],
    [5, 5, 1 / 32],
    [5, 3, 16 / 32],
    [10, 8, 56 / 1024],
    [20, 15, 21700 / 1048576],
  ])("n = %i, k = %i is %f", (n, k, expected) => {
    expect(halfBinomialUpperTail(n, k)).toBeCloseTo(expected, 12);
  });

  it("is 1 for k ≤ 0 and 0 for k > n", () => {
    expect(halfBinomialUpperTail(200, 0)).toBe(1);
    expect(halfBinomialUpperTail(200, -3)).toBe(1);
    expect(halfBinomialUpperTail(200, 201)).toBe(0);
    expect(halfBinomialUpperTail(0, 1)).toBe(0);
  });

  it("stays a probability where C(n, k) alone is out of a double's range", () => {
    // C(2000, 1000) ≈ 2e600; by symmetry the tail from the middle of an even n is 1/2 + P(X = n/2) / 2.
    const middle = halfBinomialUpperTail(2000, 1000);
    expect(middle).toBeGreaterThan(0.5);
    expect(middle).toBeLessThan(0.51);
    // Of 200 passes, 121 slower is what the bench calls slower once 22 pages are compared (below
    // 0.05 / 22); 120 is not.
    expect(halfBinomialUpperTail(200, 121)).toBeLessThan(0.05 / 22);
    expect(halfBinomialUpperTail(200, 120)).toBeGreaterThan(0.05 / 22);
  });

  it("falls as k rises, and P(X ≥ k) and P(X ≥ n - k + 1) of one n make 1", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 600 }), fc.double({ min: 0, max: 1, noNaN: true }), (n, at) => {
        const k = Math.min(n, Math.floor(at * n) + 1);
        const upper = halfBinomialUpperTail(n, k);
        expect(upper).toBeGreaterThanOrEqual(0);
        expect(upper).toBeLessThanOrEqual(1);
        expect(halfBinomialUpperTail(n, k + 1)).toBeLessThanOrEqual(upper);
        // P(X ≥ k) + P(X ≥ n - k + 1) = 1 by symmetry: P(X ≤ n - k) = P(X ≥ k).
        expect(upper + halfBinomialUpperTail(n, n - k + 1)).toBeCloseTo(1, 9);
      }),
    );
  });
});
