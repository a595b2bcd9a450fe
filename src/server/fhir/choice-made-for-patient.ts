import "@/server/server-only";
import type { Actor } from "../access/actor";
import type { Queryable } from "../db/queryable";
import { tellPatientOfActForHer } from "../notifications/acted-for-patient";

/**
 * A sharing choice made for the patient by someone acting for her (a caregiver given « gérer le
 * partage », a guardian): who may see her record has changed without her, so she is told
 * (acted-for-patient.ts), in the transaction of the change: never without it. The history of
 * her choices, where the notice leads, says who did what (choice-history.ts).
 *
 * Here, beside the write, rather than in the sharing pages' routes: a caregiver with that right
 * may change the same Consents through the FHIR API too.
 */
export async function tellPatientOfChoiceMadeForHer(q: Queryable, actor: Actor, patientId: string | null, now: Date): Promise<void> {
  await tellPatientOfActForHer(q, actor, patientId, "sharing-changed-for-you", now);
}
