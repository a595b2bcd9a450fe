import { readFileSync } from "node:fs";

/**
 * The words a page or component writes itself, outside the French catalogue (the *-words-in-
 * catalogue tests): a text between tags, a label, hint, title, description or placeholder, or a
 * quoted string with a space and a French word or accented letter. Comments are left out (they
 * say why, in English or French).
 */
const code = (path: string) =>
  readFileSync(path, "utf8")
    .replace(/\/\*[\s\S]*?\*\//g, "")
    .replace(/^\s*\/\/.*$/gm, "")
    .replace(/\{\/\*[\s\S]*?\*\/\}/g, "");

/** Words a French sentence has, and code has not. */
const FRENCH = /[À-ÿ]|&apos;|\b(le|la|les|de|du|des|vous|votre|un|une|pour|est|et|au|son|sa|ses|ne|pas)\b/i;

/** What reads as words to the user in a file: the texts between tags (not code's comparisons, « a > from && a < to »), the labels and titles, and strings in French. */
export function wordsOutsideCatalogue(path: string): string[] {
  const text = code(path);
  const betweenTags = [...text.matchAll(/>([^<>{}]*)</g)].map((match) => match[1]!.trim()).filter((words) => /[A-Za-zÀ-ÿ]/.test(words) && !/[;=()]|&&/.test(words));
  const attributes = [...text.matchAll(/\b(?:label|hint|title|description|placeholder)="([^"]*[A-Za-zÀ-ÿ][^"]*)"/g)].map((match) => match[1]!);
  const strings = [...text.matchAll(/"([^"\n]*)"|`([^`]*)`/g)].map((match) => match[1] ?? match[2]!).filter((value) => / /.test(value) && FRENCH.test(value) && !/^[a-z0-9:/[\]. -]+$/.test(value));
  return [...betweenTags, ...attributes, ...strings];
}
