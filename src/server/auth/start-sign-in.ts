import "server-only";
import { findCredentialsByEmail } from "../db/account-store";
import { createChallenge } from "../db/sign-in-challenge-store";
import { CHALLENGE_TTL_SECONDS } from "./cookie-names";
import { verifyAgainstDummy, verifyPassword } from "./password";
import { allowPasswordAttempt } from "./throttle";

/**
 * Step 1 of sign-in: email and password. On success, a sign-in challenge waits for the second
 * factor; nothing is signed in yet. Every failure looks the same to the caller (throttled,
 * unknown address, wrong password, disabled account), and the unknown address spends the same
 * argon2 time as a known one.
 */
export type StartSignInInput = { email: string; password: string; address: string; now: Date };
export type StartSignInResult = { ok: true; challengeId: string } | { ok: false };

export async function startSignIn(input: StartSignInInput): Promise<StartSignInResult> {
  if (!(await allowPasswordAttempt(input.email, input.address, input.now))) return { ok: false };
  const account = await findCredentialsByEmail(input.email);
  if (!account) {
    await verifyAgainstDummy(input.password);
    return { ok: false };
  }
  const passwordOk = await verifyPassword(account.passwordHash, input.password);
  if (!passwordOk || account.disabled) return { ok: false };
  const challengeId = await createChallenge(account.id, input.now, CHALLENGE_TTL_SECONDS * 1000);
  return { ok: true, challengeId };
}
