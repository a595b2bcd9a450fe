import "@/server/server-only";
import { preventionRefusalOf } from "../access/prevention-ground";
import type { Reason } from "../access/decision";
import type { Repository } from "../fhir/repository";

/**
 * Why this actor may not have the patient's prevention calendar worked out (undefined: it may),
 * asked of the access decision on her vaccinations, not of the session's emergency flag (which hid
 * the calendar from a professional she authorises while an emergency access was also open). The
 * rule is the access module's (prevention-ground.ts); the same answer for the professional's tab
 * (pro-prevention-page-data.ts), the record's tab list, and the FHIR API's ImmunizationRecommendation.
 */
export async function preventionRefusal(repo: Repository, patientId: string): Promise<Reason | undefined> {
  return preventionRefusalOf(await repo.decideOn("read", { resourceType: "Immunization", patientId, confidentiality: "N", labels: [] }));
}
