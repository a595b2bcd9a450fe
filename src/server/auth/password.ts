import { hash, verify } from "@node-rs/argon2";
import { randomBytes } from "node:crypto";
import { availableParallelism } from "node:os";

/**
 * Passwords are hashed with argon2id (the library's default algorithm) at OWASP's recommended
 * cost: 19 MiB, 2 passes, 1 lane. Changing these only affects new hashes: the parameters are
 * stored in each hash.
 */
const OPTIONS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "@/lib/auth/password-limits";

/**
 * @node-rs/argon2 hashes on libuv's thread pool, off the main thread, but each hash takes a
 * core for tens of milliseconds: with as many running as the pool has threads, a 2-core machine
 * leaves the event loop no core and every other page waits (npm run bench -- sign-in). At most
 * one hash per core but one runs at a time; the others queue here, costing nothing meanwhile.
 */
const MAX_CONCURRENT_HASHES = Math.max(1, availableParallelism() - 1);
let running = 0;
const waiting: (() => void)[] = [];

async function withHashSlot<T>(work: () => Promise<T>): Promise<T> {
  if (running >= MAX_CONCURRENT_HASHES) await new Promise<void>((resolve) => waiting.push(resolve));
  running++;
  try {
    return await work();
  } finally {
    running--;
    waiting.shift()?.();
  }
}

export function hashPassword(password: string): Promise<string> {
  return withHashSlot(() => hash(password, OPTIONS));
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await withHashSlot(() => verify(passwordHash, password));
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
