import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MAX_COUNT } from "@/server/fhir/search-request";
import { limitRoundedUp, SqlParams } from "@/server/fhir/search-sql";

/**
 * The access history's LIMIT, written into its SQL text (search-sql.ts says why): rounded up to a
 * power of two, so the page sizes a caller may ask for make a dozen statement texts at most, and
 * only ever a number is written.
 */
describe("limitRoundedUp", () => {
  it.each([
    [1, "LIMIT 1"],
    [2, "LIMIT 2"],
    [3, "LIMIT 4"],
    [21, "LIMIT 32"],
    [32, "LIMIT 32"],
    [33, "LIMIT 64"],
    [101, "LIMIT 128"],
  ])("writes a limit of %i as %s on a first page, with no parameter", (limit, sql) => {
    const p = new SqlParams();
    expect(limitRoundedUp(p, limit, 0)).toBe(sql);
    expect(p.values).toEqual([]);
  });

  it("sends the offset of a later page as a parameter", () => {
    const p = new SqlParams();
    p.add("patient");
    expect(limitRoundedUp(p, 21, 40)).toBe("LIMIT 32 OFFSET $2");
    expect(p.values).toEqual(["patient", 40]);
  });

  it.each([0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 60])("refuses %s", (limit) => {
    expect(() => limitRoundedUp(new SqlParams(), limit, 0)).toThrow(RangeError);
  });

  it("reads at least the rows asked for and fewer than twice as many (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), (limit) => {
        const rounded = Number(/^LIMIT (\d+)$/.exec(limitRoundedUp(new SqlParams(), limit, 0))?.[1]);
        expect(rounded).toBeGreaterThanOrEqual(limit);
        expect(rounded).toBeLessThan(2 * limit);
      }),
    );
  });

  it("makes at most eight texts for every page size the API accepts", () => {
    const texts = new Set(Array.from({ length: MAX_COUNT + 1 }, (_, count) => limitRoundedUp(new SqlParams(), count + 1, 0)));
    expect(texts.size).toBeLessThanOrEqual(8);
  });
});
