import "@/server/server-only";
import type { RelatedPerson } from "@medplum/fhirtypes";
import { rulesFromResources } from "../access/rules";
import type { Queryable } from "../db/queryable";
import { MAX_COUNT, MAX_OFFSET } from "../fhir/search-request";
import type { Repository } from "../fhir/repository";

/**
 * Every RelatedPerson of a patient's space, read as the system page after page: a search answers
 * MAX_COUNT at most, and one page left the 101st out (the closure left it live, to come back at a
 * reopening: attack round; the measure's commands did not find a measure past it).
 */
export async function everyRelatedPerson(system: Repository, patientId: string): Promise<RelatedPerson[]> {
  const every: RelatedPerson[] = [];
  for (let offset = 0; ; offset += MAX_COUNT) {
    const page = await system.search<RelatedPerson>("RelatedPerson", { patientId, count: MAX_COUNT, offset, sort: "_lastUpdated" });
    every.push(...page.resources);
    // Past MAX_OFFSET the search answers its last page again: 10,000 ties are more than a life gives.
    if (!page.hasMore || page.resources.length === 0 || offset + MAX_COUNT > MAX_OFFSET) break;
  }
  return every;
}

/**
 * The delegations a closure ends (close-space.ts): every RelatedPerson of her space
 * (everyRelatedPerson), those still live or paused kept; `seen` holds every id read, for givenSince().
 */
export async function delegationsGiven(system: Repository, patientId: string, birthDate: string | undefined, now: Date): Promise<{ live: RelatedPerson[]; seen: Set<string> }> {
  const every = await everyRelatedPerson(system, patientId);
  const live = every.filter((person) => {
    const delegation = rulesFromResources(patientId, [], [person], { birthDate }).delegations[0];
    // Live or paused: a delegation already over (revoked, past its end, a guardianship ended at 18) is left as it is.
    // A judge's protection measure too: only the assistance ends it (access/measure-writes.ts), and
    // closing her space is no mainlevée; the closed space refuses her representative like anyone.
    return delegation?.active === true && (!delegation.end || delegation.end > now) && delegation.measure === undefined;
  });
  return { live, seen: new Set(every.map((person) => person.id!)) };
}

/**
 * Whether a RelatedPerson was written in her space since `seen` was read: an invitation accepted
 * in between. Asked in the closure's transaction once her Patient row is updated, after which no
 * acceptance writes one any more (accept-invitation.ts waits on that row: lockSpaceOpen). Ids only,
 * compared, never shown.
 */
export async function givenSince(db: Queryable, patientId: string, seen: Set<string>): Promise<boolean> {
  const rows = await db.query<{ id: string }>("SELECT id::text AS id FROM fhir_resource WHERE patient_id = $1::uuid AND resource_type = 'RelatedPerson' AND NOT deleted", [patientId]);
  return rows.some((row) => !seen.has(row.id));
}
