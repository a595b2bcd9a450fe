import "@/server/server-only";
import type { Queryable } from "../db/queryable";
import type { ReadRepository as Repository } from "./read-repository";
import { searchWhere } from "./search-where";
import { SqlParams } from "./search-sql";

/**
 * What was handed over for each line (MedicationRequest id → quantity), summed in SQL over the
 * completed MedicationDispenses the actor may see: a prescription renewed for years, with
 * thousands of dispensations, has its remaining quantities right without loading them all.
 * Decided and audited like the search it is.
 */
export async function dispensedTotals(repo: Repository, db: Queryable, patientId: string, groups?: string[]): Promise<Map<string, number>> {
  const p = new SqlParams();
  const whereSql = await searchWhere(repo, "MedicationDispense", { patientId, status: ["completed"], group: groups }, p);
  if (whereSql === undefined) return new Map();
  const rows = await db.query<{ request: string; quantity: string | number }>(
    `SELECT substring(content->'authorizingPrescription'->0->>'reference' FROM 19) AS request,
            sum(CASE WHEN jsonb_typeof(content->'quantity'->'value') = 'number' THEN (content->'quantity'->>'value')::numeric ELSE 0 END) AS quantity
       FROM fhir_resource
      WHERE ${whereSql} AND content->'authorizingPrescription'->0->>'reference' LIKE 'MedicationRequest/%'
      GROUP BY 1`,
    p.values,
  );
  await repo.audit({ patientId, entity: "MedicationDispense", interaction: "search", outcome: "success", detail: { totals: rows.length } });
  return new Map(rows.map((row) => [row.request, Number(row.quantity)]));
}
