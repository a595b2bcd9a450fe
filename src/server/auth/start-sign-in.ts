import "@/server/server-only";
import { recordAccountEvent } from "../db/account-event-store";
import { findCredentialsByEmail } from "../db/account-store";
import { isKnownDevice } from "../db/known-device-store";
import { createChallenge } from "../db/sign-in-challenge-store";
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
export type StartSignInResult = { ok: true; challengeId: string; accountId: string } | { ok: false };

export async function startSignIn(input: StartSignInInput): Promise<StartSignInResult> {
  const account = await findCredentialsByEmail(input.email);
  const deviceHash = input.deviceId ? deviceHashOf(input.deviceId) : undefined;
  const known = account && deviceHash && (await isKnownDevice(account.id, deviceHash)) ? deviceHash : undefined;
  const attempt = await takePasswordAttempt(input.email, input.address, known, input.now);
  const trail = { at: input.now, address: input.address, userAgent: input.userAgent ?? null };
  if (!attempt.allowed) {
    if (account) await recordAccountEvent({ ...trail, accountId: account.id, kind: "password-throttled", detail: known ? "known-device" : null });
    return { ok: false };
  }
  if (!account) {
    await verifyAgainstDummy(input.password);
    // Counted like a wrong password, so the growing delay (and so the timing) of an address
    // without an account is that of a real one: the delay tells nothing about who has an account.
    await attempt.settle(false);
    return { ok: false };
  }
  const passwordOk = await verifyPassword(account.passwordHash, input.password);
  await attempt.settle(passwordOk);
  if (!passwordOk || account.disabled) {
    await recordAccountEvent({ ...trail, accountId: account.id, kind: "password-failed", detail: known ? "known-device" : null });
    return { ok: false };
  }
  const challengeId = await createChallenge(account.id, input.now, CHALLENGE_TTL_SECONDS * 1000);
  return { ok: true, challengeId, accountId: account.id };
}
