import "server-only";
import type { Condition, Immunization, Patient, Procedure, Resource } from "@medplum/fhirtypes";
import type { ReadRepository } from "../fhir/read-repository";
import { MAX_COUNT, MAX_OFFSET } from "../fhir/search-request";

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
  const patient = known?.id === patientId ? known : await repo.read<Patient>("Patient", patientId);
  // Then the three searches at once rather than one after the other: each is a round trip and
  // an audit row's commit, and they were on the critical path of every page showing prevention
  // (a professional's view of a record: issue 16).
  const [immunizations, conditions, procedures] = await Promise.all([
    all<Immunization>(repo, "Immunization", patientId),
    all<Condition>(repo, "Condition", patientId),
    all<Procedure>(repo, "Procedure", patientId),
  ]);
  return { patient, immunizations, conditions, procedures };
}

async function all<T extends Resource>(repo: ReadRepository, type: T["resourceType"], patientId: string): Promise<T[]> {
  const found: T[] = [];
  for (let offset = 0; offset <= MAX_OFFSET; offset += MAX_COUNT) {
    const page = await repo.search<T>(type, { patientId, count: MAX_COUNT, offset, sort: "-date" });
    found.push(...page.resources);
    if (!page.hasMore) break;
  }
  return found;
}

export function resourcesOf(record: PreventionRecord): Resource[] {
  return [...record.conditions, ...record.immunizations, ...record.procedures];
}
