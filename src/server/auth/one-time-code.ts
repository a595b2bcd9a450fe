import { createHmac, randomInt } from "node:crypto";

/**
 * Codes people type from paper or a letter (recovery codes, activation codes): Crockford's
 * base32 (no I, L, O, U), grouped by five, read back forgivingly (case, spaces, dashes, O for 0,
 * I and L for 1). They are random enough (50 bits for ten characters) that a keyed SHA-256 is
 * the right way to store them: argon2's slowness protects guessable passwords, and would only
 * cost every check time here. The key (the app's secret) keeps a stolen table from being
 * checked offline at all. Pure, unit-tested.
 */
const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

export function newTypedCode(characters: number): string {
  let raw = "";
  for (let i = 0; i < characters; i++) raw += ALPHABET[randomInt(ALPHABET.length)];
  return raw.match(/.{1,5}/g)!.join("-");
}

/** The canonical form of a typed code, or undefined when it cannot be one. */
export function normaliseTypedCode(typed: string, characters: number): string | undefined {
  const cleaned = typed
    .toUpperCase()
    .replace(/[\s-]+/g, "")
    .replace(/O/g, "0")
    .replace(/[IL]/g, "1");
  if (cleaned.length !== characters) return undefined;
  for (const char of cleaned) if (!ALPHABET.includes(char)) return undefined;
  return cleaned;
}

export function keyedHash(purpose: string, canonical: string, secret: string): string {
  return createHmac("sha256", secret).update(`${purpose}:${canonical}`).digest("base64url");
}
