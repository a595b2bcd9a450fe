import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

/**
 * « Proches et délégations », its invitation form and the invitation pages take their words from
 * the French catalogue (fr-relatives.ts, fr-relatives-page.ts, fr-invitation.ts), as the rest of
 * the portal does: none written in the components and pages themselves. A French sentence or label
 * shows here as a text between tags, or a quoted string with a space or an accented letter.
 */
const FILES = [
  "src/pages/espace/proches/index.tsx",
  "src/pages/espace/proches/[id].tsx",
  "src/components/relatives/invite-form.tsx",
  "src/components/relatives/relative-lists.tsx",
  "src/components/relatives/rights-fieldset.tsx",
  "src/components/relatives/relatives-notice.ts",
  "src/pages/invitation/[token].tsx",
  "src/pages/invitation/invalide.tsx",
  "src/pages/invitation/annuler/[token].tsx",
  "src/pages/invitation/annuler/fait.tsx",
  "src/pages/invitation/annuler/invalide.tsx",
  "src/server/delegations/invitation-pages-props.ts",
];

/** The code of a file without its comments (which say why, in English or French). */
const code = (path: string) =>
  readFileSync(path, "utf8")
    .replace(/\/\*[\s\S]*?\*\//g, "")
    .replace(/^\s*\/\/.*$/gm, "")
    .replace(/\{\/\*[\s\S]*?\*\/\}/g, "");

/** Words a French sentence has, and code has not. */
const FRENCH = /[À-ÿ]|&apos;|\b(le|la|les|de|du|des|vous|votre|un|une|pour|est|et|au|son|sa|ses|ne|pas)\b/i;

/** What reads as words to the user: the texts between tags, the labels and titles, and strings in French. */
function wordsIn(text: string): string[] {
  const betweenTags = [...text.matchAll(/>([^<>{}]*)</g)].map((match) => match[1]!.trim()).filter((words) => /[A-Za-zÀ-ÿ]/.test(words) && !/[;=()]/.test(words));
  const attributes = [...text.matchAll(/\b(?:label|hint|title|description|placeholder)="([^"]*[A-Za-zÀ-ÿ][^"]*)"/g)].map((match) => match[1]!);
  const strings = [...text.matchAll(/"([^"\n]*)"|`([^`]*)`/g)].map((match) => match[1] ?? match[2]!).filter((value) => / /.test(value) && FRENCH.test(value) && !/^[a-z0-9:/[\]. -]+$/.test(value));
  return [...betweenTags, ...attributes, ...strings];
}

describe("the relatives' and invitation pages' words", () => {
  it.each(FILES)("are in the catalogue, not in %s", (path) => {
    expect(wordsIn(code(path))).toEqual([]);
  });
});
