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
  const rows = await sql.query<{ agent: string; last: Date | string }>(
    `SELECT agent, max(recorded) AS last FROM audit_event
      WHERE patient_id = $1::uuid AND on_behalf_of = $2 AND agent = ANY($3::text[]) AND outcome = 'success'
      GROUP BY agent`,
    [patientId, `Patient/${patientId}`, agentPatientIds.map((id) => `Patient/${id}`)],
  );
  for (const row of rows) found.set(row.agent.slice("Patient/".length), new Date(row.last));
  return found;
}
