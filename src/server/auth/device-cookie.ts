import { createHash, createHmac, randomBytes, timingSafeEqual } from "node:crypto";

/**
 * OWASP's device cookie: after a complete sign-in the browser keeps a random id signed with
 * the app's secret; the account remembers the hash of that id (known_device). At the password
 * step, a browser showing a genuine id the account knows is the owner's own browser: its
 * failures are counted apart from everyone else's, so a stranger typing wrong passwords never
 * keeps it out. The signature makes ids unforgeable; the id alone says nothing about the account.
 * Pure, so it is unit-tested without a database.
 */
function signatureOf(id: string, secret: string): string {
  return createHmac("sha256", secret).update(`device:${id}`).digest("base64url");
}

export function newDeviceCookie(secret: string): { id: string; value: string } {
  const id = randomBytes(32).toString("base64url");
  return { id, value: `${id}.${signatureOf(id, secret)}` };
}

/** The id of a cookie we issued, or undefined when missing or forged. */
export function deviceIdFromCookie(value: string | undefined, secret: string): string | undefined {
  if (!value || value.length > 200) return undefined;
  const [id, signature, extra] = value.split(".");
  if (!id || !signature || extra !== undefined) return undefined;
  const expected = Buffer.from(signatureOf(id, secret));
  const given = Buffer.from(signature);
  return given.length === expected.length && timingSafeEqual(given, expected) ? id : undefined;
}

/** What the database keeps of a device id: its hash, so a leaked table gives no cookie. */
export function deviceHashOf(id: string): string {
  return createHash("sha256").update(id).digest("base64url");
}
