import "@/server/server-only";
import type { Repository } from "../fhir/repository";

/**
 * Whether the actor may see and change a patient's privacy choices (hide a document, set its
 * confidentiality): the same decision as writing one of the patient's Consents. A caregiver
 * without the privacy:manage scope, or any professional, may not.
 */
export async function mayManagePrivacy(repo: Repository, patientId: string): Promise<boolean> {
  const decision = await repo.decideOn("update", { resourceType: "Consent", patientId, confidentiality: "N", labels: [] });
  return decision.allow;
}
