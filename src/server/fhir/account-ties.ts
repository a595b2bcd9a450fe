import "@/server/server-only";
import type { Patient } from "@medplum/fhirtypes";
import type { Delegation, PatientRules } from "../access/rules";
import { unsafeFindDelegationsOfAgent } from "./agent-delegations";
import { patientRowReadWith, unsafeRulesOf } from "./load-rules";

/** A delegation this person received (guardianship or caregiver's), with the birth date of the one who gave it. */
export type ReceivedTie = { delegation: Delegation; patientBirthDate?: string };

/** What decides which notification kinds can reach a patient's account (kind-audience.ts). */
export type AccountTies = {
  ownBirthDate?: string;
  received: ReceivedTie[];
  /** Whether anyone was ever named to act for her (a caregiver, a guardian): her own space's delegations. */
  actedForBySomeone: boolean;
};

/** The birth date of the Patient read with these rules (load-rules.ts reads it in the rules' statement). */
const birthDateOf = (rules: PatientRules) => (patientRowReadWith(rules)?.content as Patient | undefined)?.birthDate;

/**
 * The person's own birth date, whether anyone was named to act for her, and every delegation that
 * names her as the agent, live or not (a caregiver keeps the notices she was sent after it ends):
 * her own rules and those of whoever named her, read as the space list reads them
 * (agent-delegations.ts, load-rules.ts), so a guardianship ends at the child's majority here as in
 * every decision. Access metadata read without a decision (hence `unsafe`): only the preferences
 * page calls it, for the session's own patient id, to choose which kinds to list.
 */
export async function unsafeAccountTies(ownPatientId: string): Promise<AccountTies> {
  const [own, received] = await Promise.all([unsafeRulesOf(ownPatientId), unsafeFindDelegationsOfAgent(ownPatientId, unsafeRulesOf)]);
  return {
    ownBirthDate: birthDateOf(own),
    received: received.map(({ delegation, rules }) => ({ delegation, patientBirthDate: birthDateOf(rules) })),
    actedForBySomeone: own.delegations.length > 0,
  };
}
