import "@/server/server-only";
import type { Patient } from "@medplum/fhirtypes";
import { delegationIsLive } from "../access/applicable-delegation";
import { rulesFromResources } from "../access/rules";
import { everyRelatedPerson } from "../accounts/delegations-given";
import type { Repository } from "../fhir/repository";
import { isOfAge, majorityStart } from "./majority";

/**
 * Whether a space is a minor's, for what only an adult may do in her own space (« Clôturer mon
 * espace »: close-space.ts). The birth date decides when the record has one (majority.ts). A
 * record without one is not a child's for that alone (an adult whose record was created without
 * it was told her space was a minor's and could never close it): it is a child's when a parent
 * holds a live guardianship over it (GUARD, access/rules.ts), which the parental authority is
 * until the majority (Code civil art. 371-1); a judge's protection measure is an adult's (its
 * guardian is a representative of an adult, rules.ts `measure`). A tie revoked or past its end
 * is no guardian any more. Read as `system` (every tie of the space, not only those the actor may see).
 */
export async function isMinorsSpace(system: Repository, patient: Patient, now: Date): Promise<boolean> {
  if (majorityStart(patient.birthDate)) return !isOfAge(patient.birthDate, now);
  const patientId = patient.id ?? "";
  const { delegations } = rulesFromResources(patientId, [], await everyRelatedPerson(system, patientId));
  return delegations.some((tie) => tie.kind === "guardian" && tie.measure === undefined && delegationIsLive(tie, now));
}
