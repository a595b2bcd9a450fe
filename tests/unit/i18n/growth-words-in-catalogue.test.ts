import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

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

/** The code of a file without its comments (which say why, in English or French). */
const code = (path: string) =>
  readFileSync(path, "utf8")
    .replace(/\/\*[\s\S]*?\*\//g, "")
    .replace(/^\s*\/\/.*$/gm, "")
    .replace(/\{\/\*[\s\S]*?\*\/\}/g, "");

/** Words a French sentence has, and code has not. */
const FRENCH = /[À-ÿ]|&apos;|\b(le|la|les|de|du|des|vous|votre|un|une|pour|est|et|au|son|sa|ses|ne|pas)\b/i;

/** What reads as words to the user: the texts between tags (not code's comparisons, « a > from && a < to »), the labels and titles, and strings in French. */
function wordsIn(text: string): string[] {
  const betweenTags = [...text.matchAll(/>([^<>{}]*)</g)].map((match) => match[1]!.trim()).filter((words) => /[A-Za-zÀ-ÿ]/.test(words) && !/[;=()]|&&/.test(words));
  const attributes = [...text.matchAll(/\b(?:label|hint|title|description|placeholder)="([^"]*[A-Za-zÀ-ÿ][^"]*)"/g)].map((match) => match[1]!);
  const strings = [...text.matchAll(/"([^"\n]*)"|`([^`]*)`/g)].map((match) => match[1] ?? match[2]!).filter((value) => / /.test(value) && FRENCH.test(value) && !/^[a-z0-9:/[\]. -]+$/.test(value));
  return [...betweenTags, ...attributes, ...strings];
}

describe("the growth page's words", () => {
  it.each(FILES)("are in the catalogue, not in %s", (path) => {
    expect(wordsIn(code(path))).toEqual([]);
  });
});
