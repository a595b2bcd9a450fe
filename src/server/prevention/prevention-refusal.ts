import "@/server/server-only";
import type { Reason } from "../access/decision";
import type { Repository } from "../fhir/repository";

/**
 * Why this actor may not have the patient's prevention calendar worked out (undefined: it may).
 * Prevention is for the people the patient lets into her record on a standing ground: she, those
 * acting for her, the professionals she authorises. Break-glass opens the record to read, not the
 * calendar worked out from it. Asked of the access decision, as for reading her vaccinations
 * (practitionerAccess's ground, which decide() gives as its reason), not of the session: a
 * professional she authorises keeps the calendar while an emergency access is also open on her
 * (the session's emergency alone hid it from him, found by today's attack round); only one let in
 * by the emergency access alone has none. The same answer for the professional's tab
 * (pro-prevention-page-data.ts), the record's tab list, and the FHIR API's ImmunizationRecommendation.
 */
export async function preventionRefusal(repo: Repository, patientId: string): Promise<Reason | undefined> {
  const decision = await repo.decideOn("read", { resourceType: "Immunization", patientId, confidentiality: "N", labels: [] });
  if (!decision.allow) return decision.reason;
  return decision.reason === "emergency" ? "not-authorised" : undefined;
}
