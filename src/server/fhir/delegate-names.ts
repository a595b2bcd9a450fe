import "@/server/server-only";
import type { HumanName } from "@medplum/fhirtypes";
import { formatHumanName } from "@/lib/fhir/human-name";
import type { Queryable } from "../db/queryable";
import { isUuid } from "./ids";
import type { GuardedRepository } from "./guarded-repository";

/**
 * The names of the people who act in a space, from their own Patient resources, for the
 * patient's « Proches et délégations »: a delegation's RelatedPerson carries the name the inviter
 * typed (delegationOfInvitation), a nickname or a misspelling maybe, while the history names the
 * account holder (found by an exploratory test: one person under two names). The typed name
 * stays that of a pending invitation, the only one there is then.
 *
 * Asked of decide() as the search of the space's RelatedPersons is: whoever may list who acts in
 * the space may know them by name, the name the space's trail already shows of them. Only the
 * agents of that space's RelatedPersons are named (the join), whatever ids are asked, and only
 * the name is taken from each resource, nothing else of the other person's record: not a read of
 * that record, which decide() would refuse (another person's compartment), nor a row in their
 * history. One statement for the whole list, whatever its length.
 */
export async function delegateNames(repo: GuardedRepository, db: Queryable, patientId: string, agentPatientIds: readonly string[]): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  const ids = [...new Set(agentPatientIds)].filter(isUuid);
  if (ids.length === 0 || !isUuid(patientId)) return names;
  if (!(await repo.decideOn("search", { resourceType: "RelatedPerson", patientId, confidentiality: "N", labels: [] })).allow) return names;
  const rows = await db.query<{ id: string; name: HumanName[] | null }>(
    `SELECT p.id::text AS id, p.content->'name' AS name FROM fhir_resource p
      WHERE p.resource_type = 'Patient' AND NOT p.deleted AND p.id = ANY($2::uuid[])
        AND EXISTS (SELECT 1 FROM fhir_resource r WHERE r.actor_ref = 'Patient/' || p.id::text AND r.resource_type = 'RelatedPerson' AND r.patient_id = $1::uuid AND NOT r.deleted)`,
    [patientId, ids],
  );
  for (const row of rows) {
    const name = formatHumanName(row.name ?? undefined);
    if (name) names.set(row.id, name);
  }
  return names;
}
