import "@/server/server-only";
import {
  generateAuthenticationOptions,
  generateRegistrationOptions,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
  type AuthenticationResponseJSON,
  type RegistrationResponseJSON,
} from "@simplewebauthn/server";
import { recordAccountEvent } from "../db/account-event-store";
import { findAccountById, type AccountSummary } from "../db/account-store";
import { addPasskey, findPasskey, listPasskeys, recordPasskeyUse } from "../db/passkey-store";
import { isSpaceClosedFor } from "../db/space-closure-store";
import { env } from "../env";
import { keepWebauthnChallenge, takeWebauthnChallenge } from "./webauthn-challenge";

/**
 * Passkeys (WebAuthn through SimpleWebAuthn). The relying party is the portal's own origin
 * (APP_URL). User verification is required: a passkey is then possession plus the device's
 * PIN or biometrics, two factors, so it signs a person in alone. Discoverable credentials
 * (resident keys) let the sign-in page ask for any passkey without an e-mail address first.
 */
function relyingParty() {
  const url = new URL(env().APP_URL);
  return { rpID: url.hostname, origin: url.origin };
}

export async function registrationOptions(account: { id: string; email: string; displayName: string }, now: Date) {
  const existing = await listPasskeys(account.id);
  const options = await generateRegistrationOptions({
    rpName: "Mon espace santé",
    rpID: relyingParty().rpID,
    userName: account.email,
    userDisplayName: account.displayName,
    userID: new TextEncoder().encode(account.id),
    attestationType: "none",
    excludeCredentials: existing.map((key) => ({ id: key.credentialId, transports: key.transports })),
    authenticatorSelection: { residentKey: "required", userVerification: "required" },
  });
  await keepWebauthnChallenge(options.challenge, `register:${account.id}`, now);
  return options;
}

export type NewPasskey = Parameters<typeof addPasskey>[0];

/**
 * Verifies a new passkey against the challenge given to this browser, then stores it: by `save`
 * when given (« Mon compte » stores it with the owner's notice, in one transaction), else alone
 * (activation). The verification runs first, outside any transaction.
 */
export async function registerPasskey(
  accountId: string,
  response: RegistrationResponseJSON,
  now: Date,
  name: string,
  save: (passkey: NewPasskey) => Promise<boolean> = async (passkey) => {
    await addPasskey(passkey);
    return true;
  },
): Promise<boolean> {
  const challenge = await takeWebauthnChallenge(`register:${accountId}`, now);
  if (!challenge) return false;
  const { rpID, origin } = relyingParty();
  const verification = await verifyRegistrationResponse({ response, expectedChallenge: challenge, expectedOrigin: origin, expectedRPID: rpID, requireUserVerification: true }).catch(() => undefined);
  if (!verification?.verified) return false;
  const { credential } = verification.registrationInfo;
  return save({ credentialId: credential.id, accountId, publicKey: credential.publicKey, counter: credential.counter, transports: credential.transports ?? [], name, now });
}

export async function authenticationOptions(now: Date) {
  const options = await generateAuthenticationOptions({ rpID: relyingParty().rpID, userVerification: "required" });
  await keepWebauthnChallenge(options.challenge, "authenticate", now);
  return options;
}

/**
 * What a passkey assertion proved: the account, with the key's row id, which the session it opens
 * records (session-origin.ts); or, for an account whose space its holder closed, only that (the
 * sign-in says so and how to reopen, as the password step does: start-sign-in.ts).
 */
export type PasskeyProof = { kind: "proven"; account: AccountSummary; credentialId: string } | { kind: "closed" };

/**
 * The account a passkey assertion proves, once: the challenge is spent and the counter must not
 * go back. A closed space is told only after a valid assertion, which only its holder can make;
 * any other disabled account, and every failure, reads the same (undefined).
 */
export async function authenticateWithPasskey(response: AuthenticationResponseJSON, now: Date, trail: { address?: string; userAgent?: string | null }): Promise<PasskeyProof | undefined> {
  const challenge = await takeWebauthnChallenge("authenticate", now);
  if (!challenge) return undefined;
  const passkey = await findPasskey(response.id);
  if (!passkey) return undefined;
  const { rpID, origin } = relyingParty();
  const verification = await verifyAuthenticationResponse({
    response,
    expectedChallenge: challenge,
    expectedOrigin: origin,
    expectedRPID: rpID,
    requireUserVerification: true,
    credential: { id: passkey.credentialId, publicKey: new Uint8Array(passkey.publicKey), counter: passkey.counter, transports: passkey.transports as never },
  }).catch(() => undefined);
  if (!verification?.verified) {
    await recordAccountEvent({ accountId: passkey.accountId, kind: "passkey-failed", at: now, ...trail });
    return undefined;
  }
  if (!(await recordPasskeyUse(passkey.credentialId, passkey.counter, verification.authenticationInfo.newCounter, now))) return undefined;
  const account = await findAccountById(passkey.accountId);
  if (!account) return undefined;
  if (!account.disabled) return { kind: "proven", account, credentialId: passkey.credentialId };
  return (await isSpaceClosedFor(account.id)) ? { kind: "closed" } : undefined;
}
