import "@/server/server-only";
import type { Patient } from "@medplum/fhirtypes";
import { decide } from "../access/decide";
import { rowFilter } from "../access/row-filter";
import type { Queryable } from "../db/queryable";
import { isUuid } from "./ids";
import type { ReadRepository as Repository } from "./read-repository";
import { patientRowReadWith } from "./load-rules";
import { factsOfRow, loadRow } from "./resource-row";

/**
 * A patient's own Patient resource, exactly as `search("Patient", { patientId, ids: [patientId] })`
 * finds it (the same answer, the same audit row: a refused compartment is a denied search, a
 * search that finds nothing or the patient is a successful search with its number of results),
 * but in one wave: the row comes with the patient's rules (or alone, for the patient's own
 * decision, which reads none), and the search's row filter
 * is applied here by decide(), which that SQL filter is proven to match
 * (tests/unit/access/row-filter.property.test.ts).
 *
 * Pages gate a record on it (a blocked professional gets « Page introuvable » and leaves one
 * refusal). The search had to read the rules before it could write its SQL, so a professional's
 * view of a record waited two round trips before any of its own reads could start (issue 16).
 */
export async function searchPatientById(repo: Repository, db: Queryable, patientId: string): Promise<Patient | undefined> {
  if (!isUuid(patientId)) return undefined;
  // A professional's or caregiver's rules come with the Patient row (load-rules.ts); a patient's
  // own decision reads no rules, and the row is read alone.
  const rules = await repo.rulesForDecision(patientId, db);
  const row = patientRowReadWith(rules) ?? (await loadRow(db, "Patient", patientId));
  const now = repo.now();
  const found = row && !row.deleted && row.patient_id === patientId && decide(repo.actor, "search", factsOfRow(row), rules, now).allow ? row : undefined;
  // A refused compartment is told apart from a search that found nothing only when nothing was
  // found: a row decide() allows is one the row filter lets through, so the filter is not "none"
  // (tests/unit/access/row-filter.property.test.ts). Deriving it (48 decisions: 7.8 µs for a
  // professional in a loop, more among a page's other work) on every view of a record, before its
  // list could leave, was work for the rare refusal only (issue 16).
  if (!found && rowFilter(repo.actor, "search", "Patient", rules, now).kind === "none") {
    await repo.audit({ patientId, entity: "Patient", interaction: "search", outcome: "denied", reason: "no-access" });
    return undefined;
  }
  if (found) repo.compartmentSeen(patientId);
  await repo.audit({ patientId, entity: "Patient", interaction: "search", outcome: "success", detail: { results: found ? 1 : 0, offset: 0 } });
  return found?.content as Patient | undefined;
}
