import "@/server/server-only";
import type { Repository } from "../fhir/repository";
import { database } from "../db/client";
import { mayReadTrail } from "./may-read-trail";

/**
 * "Dernière action" on /espace/proches: when each caregiver last acted in the patient's space,
 * from the patient's own trail, for whoever may read that trail (the same gate as the history
 * page). An empty map when refused.
 */
export async function lastActsOfAgents(repo: Repository, patientId: string, agentPatientIds: string[]): Promise<Map<string, Date>> {
  const found = new Map<string, Date>();
  if (agentPatientIds.length === 0 || !(await mayReadTrail(repo, patientId))) return found;
  const { sql } = await database();
  // Each caregiver's newest act, found by walking audit_patient_on_behalf_idx (patient, agent,
  // recorded) backwards from their newest row: a max() over GROUP BY read every act of theirs,
  // 6 to 12 ms on each view of the page for a caregiver of a few years (9,880 acts in the pages
  // bench, issue 16); this reads a row or two each.
  const rows = await sql.query<{ agent: string; last: Date | string | null }>(
    `SELECT asked.agent, (
        SELECT e.recorded FROM audit_event e
         WHERE e.patient_id = $1::uuid AND e.agent = asked.agent AND e.on_behalf_of = $2 AND e.outcome = 'success'
         ORDER BY e.recorded DESC LIMIT 1
      ) AS last
      FROM unnest($3::text[]) AS asked(agent)`,
    [patientId, `Patient/${patientId}`, agentPatientIds.map((id) => `Patient/${id}`)],
  );
  for (const row of rows) if (row.last !== null) found.set(row.agent.slice("Patient/".length), new Date(row.last));
  return found;
}
