import "@/server/server-only";
import type { Patient } from "@medplum/fhirtypes";
import { grammaticalSex, type GrammaticalSex } from "@/lib/fhir/grammatical-sex";
import { formatHumanName } from "@/lib/fhir/human-name";
import { invitationByToken } from "../db/delegation-invitation-store";
import { systemRepository } from "../fhir/repository";
import { now } from "../clock";
import { invitationState, type InvitationState } from "./invitation-state";
import { hashSecret, isSecretShape } from "./invitation-secret";

/**
 * What the invitation page shows to whoever holds the link (the secret is the permission):
 * who invites, with which rights, until when, and whether it can still be accepted. The
 * inviting patient's name is read as the system, audited in their trail.
 */
export type InvitationView = { state: InvitationState; inviter: string; inviterSex: GrammaticalSex; scopes: string[]; endDay: string; email: string; patientId: string };

export async function invitationView(secret: string): Promise<InvitationView | undefined> {
  if (!isSecretShape(secret)) return undefined;
  const invitation = await invitationByToken(hashSecret(secret));
  if (!invitation) return undefined;
  const system = await systemRepository("invitation-page");
  const patient = await system.read<Patient>("Patient", invitation.patientId).catch(() => undefined);
  return {
    state: invitationState(invitation, now()),
    inviter: formatHumanName(patient?.name) ?? "Une personne",
    inviterSex: grammaticalSex(patient?.gender),
    scopes: invitation.scopes,
    endDay: invitation.endDay,
    email: invitation.email,
    patientId: invitation.patientId,
  };
}
