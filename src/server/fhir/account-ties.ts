import "@/server/server-only";
import type { RelatedPerson } from "@medplum/fhirtypes";
import type { Delegation } from "../access/rules";
import { rulesFromResources } from "../access/rules";
import { database } from "../db/client";

/** A delegation this person received (guardianship or caregiver's), with the birth date of the one who gave it. */
export type ReceivedTie = { delegation: Delegation; patientBirthDate?: string };

/** What decides which notification kinds can reach a patient's account (kind-audience.ts). */
export type AccountTies = {
  ownBirthDate?: string;
  received: ReceivedTie[];
  /** Whether anyone was ever named to act for her (a caregiver, a guardian): her own space's RelatedPersons. */
  actedForBySomeone: boolean;
};

/**
 * The person's own birth date, whether anyone was named to act for her, and every delegation that names her as the agent, live or not
 * (a caregiver keeps the notices she was sent after it ends), parsed by rulesFromResources like
 * every decision (a guardianship ends at the child's majority). Access metadata read without a
 * decision, as agent-delegations.ts (hence `unsafe`): only the preferences page calls it, for the
 * session's own patient id, to choose which kinds to list; nothing of another person reaches it.
 */
export async function unsafeAccountTies(ownPatientId: string): Promise<AccountTies> {
  const { sql } = await database();
  const [own] = await sql.query<{ birth_date: string | null; acted_for: boolean }>(
    `SELECT p.content->>'birthDate' AS birth_date,
            EXISTS (SELECT 1 FROM fhir_resource rp WHERE rp.patient_id = p.id AND rp.resource_type = 'RelatedPerson' AND NOT rp.deleted) AS acted_for
       FROM fhir_resource p WHERE p.id = $1::uuid AND p.resource_type = 'Patient' AND NOT p.deleted`,
    [ownPatientId],
  );
  const rows = await sql.query<{ patient_id: string; related_person: RelatedPerson | string; birth_date: string | null }>(
    `SELECT rp.patient_id::text AS patient_id, rp.content AS related_person, p.content->>'birthDate' AS birth_date
       FROM fhir_resource rp
       JOIN fhir_resource p ON p.id = rp.patient_id AND p.resource_type = 'Patient' AND NOT p.deleted
      WHERE rp.actor_ref = $1 AND rp.resource_type = 'RelatedPerson' AND NOT rp.deleted`,
    [`Patient/${ownPatientId}`],
  );
  const received = rows.flatMap((row) => {
    const person = typeof row.related_person === "string" ? (JSON.parse(row.related_person) as RelatedPerson) : row.related_person;
    const patientBirthDate = row.birth_date ?? undefined;
    return rulesFromResources(row.patient_id, [], [person], { birthDate: patientBirthDate })
      .delegations.filter((delegation) => delegation.agentPatientId === ownPatientId)
      .map((delegation) => ({ delegation, patientBirthDate }));
  });
  return { ownBirthDate: own?.birth_date ?? undefined, received, actedForBySomeone: own?.acted_for ?? false };
}
