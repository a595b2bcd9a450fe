import { createHash, randomBytes, randomInt, timingSafeEqual } from "node:crypto";

/**
 * The secrets of a share link, after the SMART Health Links design: a 256-bit key from the
 * operating system's generator that travels only in the URL's fragment (browsers never send a
 * fragment to a server, nor in a Referer), of which the server keeps only a SHA-256. A hash
 * without salt or stretching is enough here: the input is 256 random bits, not something a
 * person chose, so there is nothing to guess from the hash.
 */
export const SECRET_BYTES = 32;

/** base64url of 32 bytes: 43 characters, no padding. */
const SECRET_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export function newLinkSecret(): string {
  return randomBytes(SECRET_BYTES).toString("base64url");
}

export function isWellFormedSecret(value: string): boolean {
  return SECRET_PATTERN.test(value) && Buffer.from(value, "base64url").length === SECRET_BYTES;
}

export function hashSecret(secret: string): string {
  return createHash("sha256").update(secret, "utf8").digest("hex");
}

/** Compares a presented secret with the stored hash in constant time. */
export function secretMatches(secret: string, storedHash: string): boolean {
  const presented = Buffer.from(hashSecret(secret), "hex");
  const stored = Buffer.from(storedHash, "hex");
  return presented.length === stored.length && timingSafeEqual(presented, stored);
}

/** Six digits, uniformly drawn (randomInt rejects the modulo bias). */
export function newPasscode(): string {
  return String(randomInt(0, 1_000_000)).padStart(6, "0");
}

export const PASSCODE_PATTERN = /^[0-9]{6}$/;

/** The pharmacist's address of a link: the key after "#", so it never reaches a server. */
export function linkUrl(appUrl: string, linkId: string, secret: string): string {
  return `${new URL(`/p/${linkId}`, appUrl).toString()}#${secret}`;
}
