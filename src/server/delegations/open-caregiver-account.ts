import "@/server/server-only";
import type { Patient } from "@medplum/fhirtypes";
import { inviteAccount } from "../accounts/invite-account";
import { startActivation } from "../accounts/start-activation";
import { emailTaken } from "../db/account-enrolment-store";
import { invitationByToken } from "../db/delegation-invitation-store";
import { systemRepository } from "../fhir/repository";
import { invitationState, type InvitationState } from "./invitation-state";
import { hashSecret, isSecretShape } from "./invitation-secret";

/**
 * A brand-new caregiver opens an account from the invitation: holding the link (sent to the
 * invited address) stands for the activation letter. Their own Patient resource is created (a
 * delegation's agent is a Patient), then the accounts issue's activation flow takes over with
 * the same code and birth date it would have checked: password, second factor. The account is
 * registered under the invited address, so it is the one that may accept. Nothing of the
 * inviting patient's record is touched.
 */
export type OpenAccountInput = { given: string; family: string; birthDate: string; address: string; userAgent: string | null; now: Date };
export type OpenAccountResult = { ok: true; challengeId: string } | { ok: false; reason: Exclude<InvitationState, "open"> | "unknown" | "email-taken" | "failed" };

export async function openCaregiverAccount(secret: string, input: OpenAccountInput): Promise<OpenAccountResult> {
  if (!isSecretShape(secret)) return { ok: false, reason: "unknown" };
  const invitation = await invitationByToken(hashSecret(secret));
  if (!invitation) return { ok: false, reason: "unknown" };
  const state = invitationState(invitation, input.now);
  if (state !== "open") return { ok: false, reason: state };
  if (await emailTaken(invitation.email)) return { ok: false, reason: "email-taken" };
  const system = await systemRepository("caregiver-account");
  const patient = await system.create<Patient>({
    resourceType: "Patient",
    active: true,
    name: [{ use: "official", family: input.family, given: [input.given] }],
    birthDate: input.birthDate,
  });
  const invited = await inviteAccount({ kind: "patient", resourceId: patient.id!, email: invitation.email, now: input.now });
  if (!invited.ok) return { ok: false, reason: invited.reason === "email-taken" ? "email-taken" : "failed" };
  const started = await startActivation({ code: invited.code, birthDate: input.birthDate, address: input.address, userAgent: input.userAgent, now: input.now });
  return started.ok ? { ok: true, challengeId: started.challengeId } : { ok: false, reason: "failed" };
}
