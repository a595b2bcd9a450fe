import "@/server/server-only";
import type { Bundle, Patient } from "@medplum/fhirtypes";
import type { Repository } from "../fhir/repository";
import { MAX_COUNT, MAX_OFFSET } from "../fhir/search-request";
import { RECORD_TYPES } from "./record-types";

/**
 * dossier.json, a FHIR R4 Bundle of type "collection", as text, a page of resources at a time:
 * a record of 5,000 documents is never held whole. Each page is a search of the repository as
 * this actor, the rules in its SQL and its row in the patient's trail, as the pages' own; a type
 * the actor's rights do not reach at all (a caregiver without « voir son dossier médical ») is not
 * searched. The resources are sent as PostgreSQL stores them (searchJson), not parsed and
 * written again.
 *
 * Pages follow the last change (`_lastUpdated`), oldest first, so a resource written during the
 * copy comes after the ones already read; one changed meanwhile moves to the end and is not
 * written twice (`seen`). The search's paging stops at MAX_OFFSET: a type holds at most
 * MAX_OFFSET + MAX_COUNT resources in a copy (10,100; a record holds up to 5,000 documents).
 *
 * `documentIds` gets the ids of the documents written, for their files (record-copy-zip.ts).
 */
export async function* recordBundle(repo: Repository, patient: Patient, documentIds: string[]): AsyncGenerator<string> {
  const patientId = patient.id ?? "";
  const head: Bundle = { resourceType: "Bundle", type: "collection", timestamp: repo.now().toISOString(), entry: [] };
  // Up to `"entry":[`: the entries follow, then the closing `]}`.
  yield JSON.stringify(head).slice(0, -2);
  yield entry(patientId, JSON.stringify(patient), true);
  const seen = new Set<string>([patientId]);
  for (const type of RECORD_TYPES) {
    if (!(await repo.maySearchType(patientId, type))) continue;
    for (let offset = 0; offset <= MAX_OFFSET; offset += MAX_COUNT) {
      const page = await repo.searchJson(type, { patientId, count: MAX_COUNT, offset, sort: "_lastUpdated" });
      const fresh = page.resources.filter((found) => !seen.has(found.id));
      for (const found of fresh) seen.add(found.id);
      if (type === "DocumentReference") documentIds.push(...fresh.map((found) => found.id));
      if (fresh.length > 0) yield fresh.map((found) => entry(found.id, found.json, false)).join("");
      if (!page.hasMore) break;
    }
  }
  yield "]}";
}

/** One Bundle entry; every id of the store is a UUID, so `urn:uuid:` names it absolutely, as FHIR asks of fullUrl. */
function entry(id: string, json: string, first: boolean): string {
  return `${first ? "" : ","}{"fullUrl":"urn:uuid:${id}","resource":${json}}`;
}
