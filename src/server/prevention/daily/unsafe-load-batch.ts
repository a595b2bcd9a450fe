import "@/server/server-only";
import type { Consent, Patient, Resource } from "@medplum/fhirtypes";
import type { Queryable } from "../../db/queryable";

export type BatchPerson = { patient: Patient; resources: Resource[]; consents: Consent[] };

/**
 * The next `size` patients after `afterId` (keyset, in id order), each with what the prevention
 * engine reads (Condition, Immunization, Procedure) and their Consents (the reminder choices):
 * two statements per batch, whatever its size. `unsafe`: no decide() guards it. Only the daily
 * prevention job calls it, as the system, and it writes one audit row per person evaluated
 * (run-prevention-tick.ts), so each person's trail shows the evaluation.
 *
 * A closed space (inactive Patient: access/rules.ts, closed) is left out: its data are archived
 * (CSP art. R1111-36, « archivées » from the closure), read by no one; evaluated, it took a row a
 * day in her trail for ten years and « à faire » notices found at a reopening.
 */
export async function unsafeLoadPreventionBatch(db: Queryable, afterId: string, size: number): Promise<BatchPerson[]> {
  const patients = await db.query<{ id: string; content: Patient }>(
    `SELECT id::text AS id, content FROM fhir_resource
      WHERE resource_type = 'Patient' AND NOT deleted AND status IS DISTINCT FROM 'inactive' AND id > $1::uuid
      ORDER BY id LIMIT $2`,
    [afterId, size],
  );
  if (patients.length === 0) return [];
  const ids = patients.map((p) => p.id);
  const rows = await db.query<{ patient_id: string; content: Resource }>(
    `SELECT patient_id::text AS patient_id, content FROM fhir_resource
      WHERE patient_id = ANY($1::uuid[]) AND NOT deleted
        AND resource_type IN ('Condition', 'Immunization', 'Procedure', 'Consent')`,
    [ids],
  );
  const byPatient = new Map<string, BatchPerson>(patients.map((p) => [p.id, { patient: p.content, resources: [], consents: [] }]));
  for (const row of rows) {
    const person = byPatient.get(row.patient_id);
    if (!person) continue;
    if (row.content.resourceType === "Consent") person.consents.push(row.content);
    else person.resources.push(row.content);
  }
  return [...byPatient.values()];
}
