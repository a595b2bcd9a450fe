import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { pluralCategory } from "@/lib/i18n/plural";

const INTL = new Intl.PluralRules("fr-FR");
const expected = (count: number) => (INTL.select(count) === "one" ? "one" : "other");

/** The category kept for whole numbers is Intl's own, on the first call and on every later one. */
describe("the plural category of a count", () => {
  it.each([
    [0, "one"],
    [1, "one"],
    [1.5, "one"],
    [2, "other"],
    [1000, "other"],
    [1_000_000, "other"],
  ] as const)("%s is %s", (count, category) => {
    expect(pluralCategory(count)).toBe(category);
    expect(pluralCategory(count)).toBe(category);
  });

  it("is Intl's for any number, asked twice", () => {
    fc.assert(
      fc.property(fc.oneof(fc.integer({ min: -5, max: 1200 }), fc.double({ min: -10, max: 2000, noNaN: true })), (count) => {
        expect(pluralCategory(count)).toBe(expected(count));
        expect(pluralCategory(count)).toBe(expected(count));
      }),
    );
  });
});
