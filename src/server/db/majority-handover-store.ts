import "@/server/server-only";
import { database } from "./client";
import type { Queryable } from "./queryable";

/** The majority handover's guard (migration 20261201020000_majority_handover): one row per young person, never rewritten. */
export type HandoverActivation = "email" | "letter" | "existing";

export async function handoverDone(patientId: string): Promise<boolean> {
  const { sql } = await database();
  const rows = await sql.query<{ n: number }>(`SELECT 1 AS n FROM majority_handover WHERE patient_id = $1::uuid`, [patientId]);
  return rows.length > 0;
}

/** Claims the handover inside the caller's transaction; false when it was already done (by another run). */
export async function claimHandover(q: Queryable, patientId: string, majorityDay: string, activation: HandoverActivation): Promise<boolean> {
  const rows = await q.query<{ patient_id: string }>(
    `INSERT INTO majority_handover (patient_id, majority_day, activation) VALUES ($1::uuid, $2::date, $3)
     ON CONFLICT (patient_id) DO NOTHING RETURNING patient_id::text AS patient_id`,
    [patientId, majorityDay, activation],
  );
  return rows.length > 0;
}
