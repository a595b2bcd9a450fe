import "server-only";
import { database } from "../db/client";

/**
 * The patients who have a guardian on record (a RelatedPerson with the GUARD relationship, not
 * deleted), for the majority handover tick. Access metadata read by a system job, like
 * agent-delegations.ts: the tick then reads each Patient through the system repository (audited).
 */
export async function findPatientsWithGuardians(): Promise<string[]> {
  const { sql } = await database();
  const rows = await sql.query<{ patient_id: string }>(
    `SELECT DISTINCT patient_id::text AS patient_id FROM fhir_resource
      WHERE resource_type = 'RelatedPerson' AND NOT deleted AND patient_id IS NOT NULL
        AND content->'relationship' @> '[{"coding":[{"code":"GUARD"}]}]'::jsonb`,
  );
  return rows.map((row) => row.patient_id);
}
