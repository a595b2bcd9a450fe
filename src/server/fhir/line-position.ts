import "@/server/server-only";
import type { MedicationRequest, Resource } from "@medplum/fhirtypes";
import { SYSTEMS } from "@/lib/fhir/systems";
import type { Queryable } from "../db/queryable";
import { linePositionOf } from "../prescriptions/prescription-model";
import { extractColumns } from "./columns";

/**
 * A prescription's line written without a place (SYSTEMS.prescriptionLinePosition), as a FHIR
 * API client that knows nothing of our extension writes them: it is given the next place in its
 * prescription (the highest the group's lines hold, plus one), so the pages, the PDF and the
 * pharmacist's page show the lines in the order they were written (prescription-model.ts
 * byWrittenOrder). Left without one, they came after every placed line and among themselves in
 * the order of their ids, random UUIDs.
 *
 * Counted among the same patient's lines of that group by the same author (the prescriber), so a
 * place tells nothing of lines the writer did not write. In the create's transaction, under a lock
 * on that group, so two lines written at once get two places.
 */
export async function withNextLinePosition<T extends Resource>(q: Queryable, resource: T, patientId: string | undefined): Promise<T> {
  if (resource.resourceType !== "MedicationRequest") return resource;
  const line = resource as MedicationRequest;
  const group = line.groupIdentifier?.value;
  if (linePositionOf(line) !== undefined || !group || !patientId) return resource;
  const author = extractColumns(resource).author;
  await q.query("SELECT pg_advisory_xact_lock(hashtext($1)) IS NULL AS locked", [`line-position:${patientId}:${group}`]);
  const [row] = await q.query<{ highest: string | number | null; unplaced: boolean }>(
    `WITH lines AS (
       SELECT (SELECT max(floor((e->>'valuePositiveInt')::numeric))
                 FROM jsonb_array_elements(COALESCE(r.content->'extension', '[]'::jsonb)) e
                WHERE e->>'url' = $4 AND jsonb_typeof(e->'valuePositiveInt') = 'number') AS place
         FROM fhir_resource r
        WHERE r.resource_type = 'MedicationRequest' AND r.patient_id = $1::uuid AND r.group_id = $2 AND r.author IS NOT DISTINCT FROM $3 AND NOT r.deleted)
     SELECT max(place) AS highest, bool_or(place IS NULL OR place < 1) AS unplaced FROM lines`,
    [patientId, group, author, SYSTEMS.prescriptionLinePosition],
  );
  // A prescription whose lines were written before places were given (none has one): a place
  // would put the new line before them all; it stays unplaced among them, as they are.
  if (row?.unplaced) return resource;
  const highest = Number(row?.highest ?? 0);
  const next = Number.isSafeInteger(highest) && highest > 0 ? highest + 1 : 1;
  return { ...resource, extension: [...(line.extension ?? []), { url: SYSTEMS.prescriptionLinePosition, valuePositiveInt: next }] };
}

/** An update that leaves the place out keeps the stored one: a client's PUT of what it read without our extension does not move the line. */
export function keepLinePosition<T extends Resource>(resource: T, stored: Resource): T {
  if (resource.resourceType !== "MedicationRequest" || stored.resourceType !== "MedicationRequest") return resource;
  const line = resource as MedicationRequest;
  const place = (stored as MedicationRequest).extension?.find((e) => e.url === SYSTEMS.prescriptionLinePosition);
  if (linePositionOf(line) !== undefined || !place || linePositionOf(stored as MedicationRequest) === undefined) return resource;
  return { ...resource, extension: [...(line.extension ?? []).filter((e) => e.url !== SYSTEMS.prescriptionLinePosition), place] };
}
