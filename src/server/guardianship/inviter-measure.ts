import "@/server/server-only";
import type { PatientRules } from "../access/rules";
import { idOfRef } from "../auth/resolve-actor";
import { findAccountById } from "../db/account-store";

/**
 * The protection measure under which an invitation of the adult's space was sent, when its inviter
 * (the invitation's `createdBy`) was her representative: the tie of his measure (its RelatedPerson
 * id), which the delegation then carries (SYSTEMS.chosenUnderMeasure) and ends with
 * (access/measure-choices.ts). None when she invited herself, or a parent of a child did (that one
 * ends at the majority already). His live measure; else the last one (ended since he invited: the
 * caregiver accepted too late to act in his name, and is ended at once).
 */
export async function measureOfInviter(rules: PatientRules, inviterAccountId: string): Promise<string | undefined> {
  const account = inviterAccountId ? await findAccountById(inviterAccountId) : undefined;
  const inviter = idOfRef(account?.fhirRef, "Patient");
  if (!inviter || inviter === rules.patientId) return undefined;
  const measures = rules.delegations.filter((tie) => tie.measure && tie.agentPatientId === inviter);
  return (measures.find((tie) => tie.active) ?? measures.at(-1))?.relatedPersonId;
}
