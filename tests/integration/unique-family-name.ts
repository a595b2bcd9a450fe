import { randomBytes } from "node:crypto";

/**
 * A family name no other test of the run carries, in letters only (a name with digits is not
 * a name the emergency search would match). On the PostgreSQL server the files of a run share
 * one database, and an emergency search by name and birth date refuses two matches: the old
 * suffix (a UUID's first 8 characters, digits turned to "x") was mostly x's, and two worlds
 * drew the same name about once in a thousand pairs. Ten random letters: 26^10.
 */
export function uniqueFamilyName(prefix: string): string {
  return prefix + Array.from(randomBytes(10), (byte) => String.fromCharCode(97 + (byte % 26))).join("");
}
