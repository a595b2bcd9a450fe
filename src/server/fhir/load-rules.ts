import "@/server/server-only";
import type { Consent, Patient, RelatedPerson } from "@medplum/fhirtypes";
import { rulesFromResources, type PatientRules } from "../access/rules";
import { database } from "../db/client";
import type { Queryable } from "../db/queryable";

/**
 * Reads one patient's rules (their Consents and RelatedPersons) with no access check: the
 * decision needs them before it can decide anything. Read fresh for every request, so a
 * change applies at once. `unsafe` because it skips decide(): only the access machinery (the
 * repository, resolving who a session acts as) may call it, never a page or a use case.
 */
export async function unsafeLoadRules(db: Queryable, patientId: string): Promise<PatientRules> {
  // The Patient row comes too: its birth date ends a guardianship at majority (children/majority.ts).
  const rows = await db.query<{ resource_type: string; content: Consent | RelatedPerson | Patient }>(
    `SELECT resource_type, content FROM fhir_resource
      WHERE patient_id = $1::uuid AND resource_type IN ('Consent', 'RelatedPerson', 'Patient') AND NOT deleted`,
    [patientId],
  );
  const consents: Consent[] = [];
  const relatedPersons: RelatedPerson[] = [];
  let birthDate: string | undefined;
  for (const row of rows) {
    if (row.content.resourceType === "Consent") consents.push(row.content);
    else if (row.content.resourceType === "RelatedPerson") relatedPersons.push(row.content);
    else if (row.content.resourceType === "Patient" && row.content.id === patientId) birthDate = row.content.birthDate;
  }
  return rulesFromResources(patientId, consents, relatedPersons, { birthDate });
}

/** As unsafeLoadRules, on the app's database: for resolving a session's actor before any repository exists. */
export async function unsafeRulesOf(patientId: string): Promise<PatientRules> {
  return unsafeLoadRules((await database()).sql, patientId);
}
