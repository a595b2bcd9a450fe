import "@/server/server-only";
import { findCredentialsByEmail } from "../db/account-store";
import { isKnownDevice } from "../db/known-device-store";
import type { RefusalEvent } from "../db/sign-in-refusal-store";
import { createChallenge } from "../db/sign-in-challenge-store";
import { keepAnswerFloor } from "./answer-floor";
import { CHALLENGE_TTL_SECONDS } from "./cookie-names";
import { deviceHashOf } from "./device-cookie";
import { verifyAgainstDummy, verifyPassword } from "./password";
import { takePasswordAttempt } from "./throttle";

/**
 * Step 1 of sign-in: email and password. On success, a sign-in challenge waits for the second
 * factor; nothing is signed in yet. Every failure looks the same to the caller (throttled,
 * unknown address, wrong password, disabled account), and the unknown address spends the same
 * argon2 time as a known one. Failures on a real account go to its trail, where the owner sees
 * them. The browser's device id (device-cookie.ts) decides which throttle windows apply.
 */
export type StartSignInInput = {
  email: string;
  password: string;
  address: string;
  now: Date;
  /** The genuine device id of this browser's device cookie, if it has one. */
  deviceId?: string;
  userAgent?: string | null;
};
/** `closed`: the password was right, but its space is closed (accounts/close-space.ts): nothing opens. */
export type StartSignInResult = { ok: true; challengeId: string; accountId: string } | { ok: false; closed?: true };

/**
 * A refusal without a password check is answered about this long after the step began (a timer
 * may fire a millisecond early), account or not. Both paths run the same statements (below), but
 * a real account's still took 20-60 µs more (its row is found, read and mapped: ratio of medians
 * 1.03-1.07 over 300 pairs, `npm run bench -- sign-in`), and such refusals have no cap, so a
 * stranger could time thousands. The path itself takes about 1 ms here: 10 ms covers it even on
 * a loaded server, costs a timer rather than CPU, and no person notices it.
 */
export const REFUSAL_FLOOR_MS = 10;

/** Stands for "no account" in the device lookup, which runs for every address alike (below). */
const NO_ACCOUNT = "00000000-0000-0000-0000-000000000000";

export async function startSignIn(input: StartSignInInput): Promise<StartSignInResult> {
  const started = performance.now();
  const account = await findCredentialsByEmail(input.email);
  const deviceHash = input.deviceId ? deviceHashOf(input.deviceId) : undefined;
  // Looked up for an address without an account too (no row has the nil id): the same query, so a
  // device cookie does not make a real account's answer the slower one.
  const known = deviceHash && (await isKnownDevice(account?.id ?? NO_ACCOUNT, deviceHash)) ? deviceHash : undefined;
  const attempt = await takePasswordAttempt(input.email, input.address, known, input.now);
  // Each path below runs the same statements for an address without an account as for a real
  // one; the trail's row rides in a statement both run (sign-in-refusal-store.ts), so the time of
  // the answer does not tell whether the address has an account.
  const event = (kind: "password-throttled" | "password-failed"): RefusalEvent | null =>
    account ? { accountId: account.id, kind, address: input.address, userAgent: input.userAgent ?? null, detail: known ? "known-device" : null } : null;
  if (!attempt.allowed) {
    await attempt.refuse(event("password-throttled"));
    await keepAnswerFloor(started, REFUSAL_FLOOR_MS);
    return { ok: false };
  }
  if (!account) {
    await verifyAgainstDummy(input.password);
    // Counted like a wrong password, so the growing delay (and so the timing) of an address
    // without an account is that of a real one: the delay tells nothing about who has an account.
    await attempt.settle(false, null);
    return { ok: false };
  }
  // A disabled account is refused as a wrong password is, in the same statements. A closed space's
  // is disabled too; only to whoever typed its right password is it said to be closed, with how to
  // reopen it (CSP art. R1111-36: she may ask for it back at any time), and no failure is recorded.
  const passwordRight = await verifyPassword(account.passwordHash, input.password);
  const accepted = passwordRight && !account.disabled;
  const closed = passwordRight && account.disabled && account.closed;
  await attempt.settle(accepted, accepted || closed ? null : event("password-failed"));
  if (closed) return { ok: false, closed: true };
  if (!accepted) return { ok: false };
  const challengeId = await createChallenge(account.id, input.now, CHALLENGE_TTL_SECONDS * 1000);
  return { ok: true, challengeId, accountId: account.id };
}
