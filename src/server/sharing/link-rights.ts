import "@/server/server-only";
import type { Repository } from "../fhir/repository";

/**
 * Who manages a patient's share links (creates, lists with their openings, revokes): whoever
 * may "share" the patient's prescriptions, that is the patient, a guardian, or a caregiver
 * holding prescriptions:share. A caregiver who may only read prescriptions never sees links.
 */
export async function mayManageLinks(repo: Repository, patientId: string): Promise<boolean> {
  const decision = await repo.decideOn("share", { resourceType: "MedicationRequest", patientId, confidentiality: "N", labels: [] });
  return decision.allow;
}
