import "@/server/server-only";
import type { Patient, Practitioner } from "@medplum/fhirtypes";
import { keyedHash, newTypedCode, normaliseTypedCode } from "../auth/one-time-code";
import { createAccountToken } from "../db/account-token-store";
import { createPendingAccount, emailTaken, findAccountByFhirRef, setPendingAccountEmail } from "../db/account-enrolment-store";
import type { AccountKind } from "../db/account-store";
import { formatHumanName } from "@/lib/fhir/human-name";
import { systemRepository } from "../fhir/repository";
import { isUuid } from "../fhir/ids";
import { secrets } from "../secrets";

/**
 * `npm run account:invite`: an activation code for a person whose record already exists (a
 * Patient created by the record system, or a Practitioner). The account row is created without
 * any credential; the code (100 random bits, single use, 72 hours unless the caller gives a
 * later end: the majority handover's lasts past the 18th birthday, children/majority.ts) is
 * stored as a keyed hash and returned once, in clear, for the letter or e-mail. A new invitation replaces an earlier
 * one; an account already activated is not invited again (a lost second factor with lost recovery
 * codes goes through the assistance: recover-account.ts).
 */
export const ACTIVATION_CODE_LENGTH = 20;
export const ACTIVATION_TTL_MS = 72 * 60 * 60 * 1000;

export type InviteInput = {
  kind: AccountKind;
  resourceId: string;
  email: string;
  now: Date;
  /** When the code stops working; `now` + ACTIVATION_TTL_MS when absent or not later than that. */
  expiresAt?: Date;
};
export type InviteResult =
  | { ok: true; accountId: string; code: string; expiresAt: Date }
  | { ok: false; reason: "not-found" | "already-active" | "email-taken" };

export function activationCodeHash(code: string): string | undefined {
  const canonical = normaliseTypedCode(code, ACTIVATION_CODE_LENGTH);
  return canonical ? keyedHash("activation", canonical, secrets().authSecret) : undefined;
}

export async function inviteAccount(input: InviteInput): Promise<InviteResult> {
  if (!isUuid(input.resourceId)) return { ok: false, reason: "not-found" };
  const type = input.kind === "patient" ? "Patient" : "Practitioner";
  const repo = await systemRepository("account-invitation");
  const resource = await repo.read<Patient | Practitioner>(type, input.resourceId).catch(() => undefined);
  if (!resource) return { ok: false, reason: "not-found" };

  const fhirRef = `${type}/${input.resourceId}`;
  const existing = await findAccountByFhirRef(fhirRef);
  // Activated, or waiting for its re-activation after a recovery (npm run account:recover gives its code).
  if (existing?.activatedOnce) return { ok: false, reason: "already-active" };
  if (await emailTaken(input.email, existing?.id)) return { ok: false, reason: "email-taken" };
  const displayName = formatHumanName(resource.name) ?? (input.kind === "patient" ? "Patient" : "Professionnel");
  let accountId = existing?.id;
  if (accountId) await setPendingAccountEmail(accountId, input.email);
  else accountId = await createPendingAccount({ email: input.email, kind: input.kind, fhirRef, displayName });

  const code = newTypedCode(ACTIVATION_CODE_LENGTH);
  const ttlMs = Math.max(ACTIVATION_TTL_MS, (input.expiresAt?.getTime() ?? 0) - input.now.getTime());
  await createAccountToken({ accountId, purpose: "activation", tokenHash: activationCodeHash(code)!, now: input.now, ttlMs });
  return { ok: true, accountId, code, expiresAt: new Date(input.now.getTime() + ttlMs) };
}
