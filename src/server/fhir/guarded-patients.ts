import "@/server/server-only";
import { database } from "../db/client";

/**
 * The patients who have a guardian on record (a RelatedPerson with the GUARD relationship, not
 * deleted), born between two days (inclusive, "AAAA-MM-JJ"), whose majority handover has not
 * run yet: the majority tick's candidates. Access metadata read by a system job, like
 * agent-delegations.ts, so that the tick reads through the (audited) system repository only the
 * few it acts on, and not every child's record at every run.
 */
export async function findGuardedPatientsBornBetween(firstDay: string, lastDay: string): Promise<string[]> {
  const { sql } = await database();
  const rows = await sql.query<{ patient_id: string }>(
    `SELECT p.id::text AS patient_id FROM fhir_resource p
      WHERE p.resource_type = 'Patient' AND NOT p.deleted
        AND p.content->>'birthDate' BETWEEN $1 AND $2
        AND NOT EXISTS (SELECT 1 FROM majority_handover h WHERE h.patient_id = p.id)
        AND EXISTS (SELECT 1 FROM fhir_resource r
                     WHERE r.patient_id = p.id AND r.resource_type = 'RelatedPerson' AND NOT r.deleted
                       AND r.content->'relationship' @> '[{"coding":[{"code":"GUARD"}]}]'::jsonb)`,
    [firstDay, lastDay],
  );
  return rows.map((row) => row.patient_id);
}
