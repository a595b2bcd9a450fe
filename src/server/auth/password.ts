import { hash, verify } from "@node-rs/argon2";
import { randomBytes } from "node:crypto";

/**
 * Passwords are hashed with argon2id (the library's default algorithm) at OWASP's recommended
 * cost: 19 MiB, 2 passes, 1 lane. Changing these only affects new hashes: the parameters are
 * stored in each hash.
 */
const OPTIONS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const PASSWORD_MIN_LENGTH = 12;
/** argon2 takes any length; a cap keeps a megabyte "password" from costing more than a normal one. */
export const PASSWORD_MAX_LENGTH = 256;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | undefined;

/**
 * For an unknown account: spend the same time as a real check, so the answer's timing does not
 * tell whether the address has an account. Always false.
 */
export async function verifyAgainstDummy(password: string): Promise<false> {
  dummyHash ??= hash(randomBytes(32).toString("base64url"), OPTIONS);
  await verifyPassword(await dummyHash, password);
  return false;
}
