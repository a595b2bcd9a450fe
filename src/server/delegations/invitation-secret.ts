import "@/server/server-only";
import { createHash, randomBytes } from "node:crypto";

/**
 * The secrets of an invitation link and of a cancel link: 256 random bits, shown once (in the
 * e-mail, or on the page right after creating it), stored only as SHA-256. A hash lookup needs
 * no key: the secret itself has 256 bits, so nothing can be guessed from the table.
 */
export const SECRET_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export function newSecret(): string {
  return randomBytes(32).toString("base64url");
}

export function hashSecret(secret: string): string {
  return createHash("sha256").update(secret, "utf8").digest("hex");
}

export function isSecretShape(value: string): boolean {
  return SECRET_PATTERN.test(value);
}
