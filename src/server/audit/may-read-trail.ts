import "@/server/server-only";
import type { Interaction, ResourceFacts } from "../access/facts";
import type { Repository } from "../fhir/repository";

/** The facts of a patient's access trail, as decide() judges it (the trail has no level of its own). */
export const trailFacts = (patientId: string): ResourceFacts => ({ resourceType: "AuditEvent", patientId, confidentiality: "N", labels: [] });

/**
 * Whether the actor may read a patient's access trail: the patient, a guardian, a caregiver
 * with the right to see who looked at the record (audit:read) or to manage the sharing
 * settings (privacy:manage, which must show the effects of its choices: decide.ts). The one place this is asked, whether for
 * the history page, "who viewed this document", the emergency notice or the API.
 */
export async function mayReadTrail(repo: Repository, patientId: string, interaction: Interaction = "read"): Promise<boolean> {
  return (await repo.decideOn(interaction, trailFacts(patientId))).allow;
}
