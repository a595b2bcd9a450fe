import { describe, expect, it } from "vitest";
import { wordsOutsideCatalogue } from "./words-outside-catalogue";

/**
 * A child's growth page (/espace/carnet-enfant), its charts, tables and notices take their words
 * from the French catalogue (fr-growth.ts), as the rest of the portal does: none written in the
 * components and pages themselves, where a second language, or a word's fix, would miss them.
 * A French sentence or label shows here as a text between tags, or a quoted string with a space
 * or an accented letter (the same reading as relatives-words-in-catalogue.test.ts).
 */
const FILES = [
  "src/pages/espace/carnet-enfant.tsx",
  "src/components/children/growth-chart.tsx",
  "src/components/children/growth-table.tsx",
  "src/server/children/growth-notices.ts",
];

describe("the growth page's words", () => {
  it.each(FILES)("are in the catalogue, not in %s", (path) => {
    expect(wordsOutsideCatalogue(path)).toEqual([]);
  });
});
