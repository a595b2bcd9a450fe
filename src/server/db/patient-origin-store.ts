import "@/server/server-only";
import { database } from "./client";

/**
 * Whether a Patient was created by the system acting for `purpose`, as the audit trail
 * (append-only, chained) recorded its creation: the one witness of where a record came from
 * that no later write can change.
 */
export async function patientCreatedBySystem(patientId: string, purpose: string): Promise<boolean> {
  const { sql } = await database();
  const rows = await sql.query<{ found: number }>(
    `SELECT 1 AS found FROM audit_event
      WHERE patient_id = $1::uuid AND entity = $2 AND interaction = 'create' AND outcome = 'success' AND agent = $3
      LIMIT 1`,
    [patientId, `Patient/${patientId}`, `System/${purpose}`],
  );
  return rows.length > 0;
}
