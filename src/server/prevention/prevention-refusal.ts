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
  return preventionRefusalOf(await vaccinationsDecision(repo, patientId));
}

/** The decision preventionRefusalOf reads: this actor's to read the patient's vaccinations. */
const vaccinationsDecision = (repo: Repository, patientId: string) => repo.decideOn("read", { resourceType: "Immunization", patientId, confidentiality: "N", labels: [] });

/**
 * Whether this actor may read the patient's record but not her prevention: let in by an
 * emergency access alone (prevention-ground.ts). A page that shows part of the prevention by id
 * (a shared bilan questionnaire) refuses then without reading; any other refusal is left to its
 * read, which leaves the denied row an attempt leaves in the patient's history.
 */
export async function readsRecordWithoutPrevention(repo: Repository, patientId: string): Promise<boolean> {
  const decision = await vaccinationsDecision(repo, patientId);
  return decision.allow && preventionRefusalOf(decision) !== undefined;
}
