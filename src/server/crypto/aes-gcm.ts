import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";

/**
 * AES-256-GCM for secrets at rest (TOTP secrets, stored files). A fresh 96-bit IV per message;
 * the 128-bit tag authenticates the ciphertext and the optional associated data, so a value
 * copied onto another row (another account, another file) fails to decrypt when the row's id
 * is passed as `aad`.
 */
export type Sealed = { iv: Buffer; authTag: Buffer; data: Buffer };

const ALGORITHM = "aes-256-gcm";
const IV_BYTES = 12;

function checkKey(key: Buffer) {
  if (key.length !== 32) throw new Error("AES-256-GCM needs a 32-byte key");
}

export function seal(plaintext: Buffer, key: Buffer, aad?: string): Sealed {
  checkKey(key);
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv(ALGORITHM, key, iv);
  if (aad !== undefined) cipher.setAAD(Buffer.from(aad, "utf8"));
  return { iv, data: joined(cipher.update(plaintext), cipher.final()), authTag: cipher.getAuthTag() };
}

/** Throws when the key, the associated data or any byte of the sealed value is wrong. */
export function open(sealed: Sealed, key: Buffer, aad?: string): Buffer {
  checkKey(key);
  const decipher = createDecipheriv(ALGORITHM, key, sealed.iv);
  if (aad !== undefined) decipher.setAAD(Buffer.from(aad, "utf8"));
  decipher.setAuthTag(sealed.authTag);
  return joined(decipher.update(sealed.data), decipher.final());
}

/** GCM's final() gives no bytes: the update's buffer is the whole, without copying a 20 MB file once more. */
function joined(head: Buffer, tail: Buffer): Buffer {
  return tail.length === 0 ? head : Buffer.concat([head, tail]);
}

const PREFIX = "v1";

/** A sealed string in one text column: "v1.<iv>.<tag>.<data>" (base64url parts). */
export function sealString(plaintext: string, key: Buffer, aad?: string): string {
  const { iv, authTag, data } = seal(Buffer.from(plaintext, "utf8"), key, aad);
  return [PREFIX, iv, authTag, data].map((part) => (typeof part === "string" ? part : part.toString("base64url"))).join(".");
}

export function openString(value: string, key: Buffer, aad?: string): string {
  const [prefix, iv, authTag, data, ...rest] = value.split(".");
  if (prefix !== PREFIX || iv === undefined || authTag === undefined || data === undefined || rest.length > 0) {
    throw new Error("Valeur chiffrée illisible");
  }
  const sealed = { iv: Buffer.from(iv, "base64url"), authTag: Buffer.from(authTag, "base64url"), data: Buffer.from(data, "base64url") };
  return open(sealed, key, aad).toString("utf8");
}
