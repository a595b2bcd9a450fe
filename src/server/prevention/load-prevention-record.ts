import "@/server/server-only";
import type { Condition, Immunization, Patient, Procedure, Resource } from "@medplum/fhirtypes";
import type { ReadRepository } from "../fhir/read-repository";
import { readSpacePatient } from "../delegations/space-patient-name";
import { MAX_COUNT, type SearchResult } from "../fhir/search-request";
import { searchRest } from "../fhir/search-rest";

/**
 * What the engine reads of a person, through the one door: their Patient and every
 * Immunization, Condition and Procedure the actor may see (audited like any read and search).
 */
export type PreventionRecord = { patient: Patient; immunizations: Immunization[]; conditions: Condition[]; procedures: Procedure[] };

/**
 * `known`: the Patient this same repository has just read for the page (the professional's view
 * of a record reads it for its title): read again, it cost a round trip and a second audit row
 * for the same look (issue 16).
 */
export async function loadPreventionRecord(repo: ReadRepository, patientId: string, known?: Patient): Promise<PreventionRecord> {
  // The Patient first: an actor refused it searches nothing more (one refusal in the trail).
  // Read once per request: the banner of a caregiver's space reads the same person (space-patient-name.ts).
  const patient = known?.id === patientId ? known : await readSpacePatient(repo, patientId);
  // Then the three types in one statement (read-repository.ts's searchTypes), each decided as its
  // own search, the look one row in the trail: they were three round trips and three rows on
  // every page showing prevention (a professional's view of a record: issue 16). A type with more
  // than a page goes on alone.
  const first = await repo.searchTypes(["Immunization", "Condition", "Procedure"], { patientId, count: MAX_COUNT, sort: "-date" });
  const [immunizations, conditions, procedures] = await Promise.all([
    rest<Immunization>(repo, "Immunization", patientId, first.get("Immunization")),
    rest<Condition>(repo, "Condition", patientId, first.get("Condition")),
    rest<Procedure>(repo, "Procedure", patientId, first.get("Procedure")),
  ]);
  return { patient, immunizations, conditions, procedures };
}

/** Every resource of the type the store pages to: the first page already found, then the next ones. */
async function rest<T extends Resource>(repo: ReadRepository, type: T["resourceType"], patientId: string, first: SearchResult<Resource> | undefined): Promise<T[]> {
  return (await searchRest<T>(repo, type, { patientId }, first)).resources;
}

export function resourcesOf(record: PreventionRecord): Resource[] {
  return [...record.conditions, ...record.immunizations, ...record.procedures];
}
