import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { wordsWithin } from "@/lib/text/words-within";

/** The start of a text within a number of characters, cut between words (words-within.ts). */
describe("words within a limit", () => {
  it.each([
    ["a text that fits, whole", "Bilan sanguin", 20, { words: "Bilan sanguin", cut: false }],
    ["a word ending at the limit, kept", "Bilan sanguin de mars", 13, { words: "Bilan sanguin", cut: true }],
    ["a word across the limit, left out", "Bilan sanguin de mars", 15, { words: "Bilan sanguin", cut: true }],
    ["one long word, cut", "x".repeat(30), 10, { words: "x".repeat(10), cut: true }],
    ["a space too early to cut at, the word cut", "ab cdefghijklmnop", 10, { words: "ab cdefghi", cut: true }],
  ])("%s", (_case, text, max, expected) => {
    expect(wordsWithin(text, max)).toEqual(expected);
  });

  it("is always the start of the text, within the limit, never half a character", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 200 }), fc.integer({ min: 1, max: 80 }), (text, max) => {
        const { words, cut } = wordsWithin(text, max);
        expect(text.startsWith(words)).toBe(true);
        expect(Array.from(words).length).toBeLessThanOrEqual(max);
        expect(/\p{Surrogate}/u.test(words)).toBe(false);
        expect(cut).toBe(Array.from(text).length > max);
      }),
    );
  });
});
