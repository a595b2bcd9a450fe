import "@/server/server-only";
import type { Patient } from "@medplum/fhirtypes";
import { createChallenge } from "../db/sign-in-challenge-store";
import { accountForEnrolment } from "../db/account-enrolment-store";
import { recordAccountEvent } from "../db/account-event-store";
import { consumeAccountToken, takeSpentTokenAttempt, takeTokenAttempt } from "../db/account-token-store";
import { hitRateLimit } from "../db/rate-limit-store";
import { systemRepository } from "../fhir/repository";
import { ACTIVATION_TTL_SECONDS } from "../auth/cookie-names";
import { activationCodeHash } from "./invite-account";

/**
 * `/activer`, first step: the activation code and, for a patient, the birth date on the record.
 * Every failure reads the same (unknown code, expired, used, wrong birth date, throttled).
 * Guessing is capped twice: per address (the codes are 100 random bits, so this mostly keeps
 * the endpoint cheap), and per code (a code whose birth date was missed five times is dead, so
 * a stolen letter without the birth date is worth five tries). Success spends the code and
 * opens an activation challenge: the browser then chooses a password and a second factor.
 *
 * One refusal reads differently: a code already spent (a browser closed before the password, a
 * finished activation, or a newer letter sent since), to its holder only, i.e. with the right
 * birth date for a patient, and under the same per-code cap. Trying it again can never work, so
 * the page says to ask for a new one. The code stays single-use: resuming a half-done
 * activation from another browser would let two browsers set the same account's factors.
 */
export const ACTIVATION_LIMITS = { perAddress: 10, windowMs: 15 * 60 * 1000, perCode: 5 } as const;

export type StartActivationInput = { code: string; birthDate: string; address: string; userAgent: string | null; now: Date };
export type StartActivationResult = { ok: true; challengeId: string } | { ok: false; spent?: true };

export async function startActivation(input: StartActivationInput): Promise<StartActivationResult> {
  const throttle = await hitRateLimit(`activation:address:${input.address}`, ACTIVATION_LIMITS.perAddress, ACTIVATION_LIMITS.windowMs, input.now);
  if (!throttle.allowed) return { ok: false };
  const hash = activationCodeHash(input.code);
  if (!hash) return { ok: false };
  const token = await takeTokenAttempt(hash, "activation", input.now, ACTIVATION_LIMITS.perCode);
  if (!token) return spentCodeAnswer(hash, input);
  const account = await accountForEnrolment(token.accountId);
  if (!account || account.activatedAt) return { ok: false };
  if (account.kind === "patient" && !(await birthDateMatches(account.fhirRef, input.birthDate))) return { ok: false };
  if (!(await consumeAccountToken(token.id, input.now))) return { ok: false };
  await recordAccountEvent({ accountId: account.id, kind: "activation-started", at: input.now, address: input.address, userAgent: input.userAgent });
  return { ok: true, challengeId: await createChallenge(account.id, input.now, ACTIVATION_TTL_SECONDS * 1000, "activation") };
}

async function spentCodeAnswer(hash: string, input: StartActivationInput): Promise<StartActivationResult> {
  const token = await takeSpentTokenAttempt(hash, "activation", input.now, ACTIVATION_LIMITS.perCode);
  const account = token && (await accountForEnrolment(token.accountId));
  if (!account) return { ok: false };
  if (account.kind === "patient" && !(await birthDateMatches(account.fhirRef, input.birthDate))) return { ok: false };
  return { ok: false, spent: true };
}

/** The birth date typed (YYYY-MM-DD) against the Patient's, read as the system (audited). */
async function birthDateMatches(fhirRef: string, typed: string): Promise<boolean> {
  const id = fhirRef.slice("Patient/".length);
  const patient = await (await systemRepository("account-activation")).read<Patient>("Patient", id).catch(() => undefined);
  return !!patient?.birthDate && patient.birthDate === typed;
}
