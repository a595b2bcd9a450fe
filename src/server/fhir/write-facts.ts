import type { Resource } from "@medplum/fhirtypes";
import type { ResourceFacts } from "../access/facts";
import type { Queryable } from "../db/queryable";
import { confidentialityOf, extractColumns, patientIdOf } from "./columns";
import { loadRow } from "./resource-row";

/** The facts of a resource about to be written; a dispensation takes its prescription's group. */
export async function factsForWrite(db: Queryable, resource: Resource): Promise<ResourceFacts> {
  const columns = extractColumns(resource);
  let prescriptionId = columns.groupId ?? undefined;
  if (resource.resourceType === "MedicationDispense") {
    const requestId = resource.authorizingPrescription?.[0]?.reference?.replace(/^MedicationRequest\//, "") ?? "";
    const request = await loadRow(db, "MedicationRequest", requestId);
    // A dispensation must point at a prescription of the same patient.
    prescriptionId = request && request.patient_id === columns.patientId ? (request.group_id ?? undefined) : undefined;
  }
  const group =
    resource.resourceType === "MedicationRequest" && prescriptionId && columns.patientId
      ? await otherLinesOf(db, columns.patientId, prescriptionId, resource.id)
      : undefined;
  return {
    resourceType: resource.resourceType,
    id: resource.id,
    patientId: columns.patientId ?? patientIdOf(resource) ?? undefined,
    confidentiality: confidentialityOf(columns.security),
    labels: columns.security,
    author: columns.author ?? undefined,
    prescriptionId,
    participant: resource.resourceType === "Communication" ? (columns.actorRef ?? undefined) : undefined,
    ...(group ? { prescriptionAuthors: group.authors, prescriptionClosed: group.closed } : {}),
  };
}

/**
 * The other lines of a patient's prescription: who wrote them (deleted ones too: a group stays
 * its prescriber's), and whether it is closed (it has lines, none of them active: nothing is
 * left to dispense, and its links are dead for good).
 */
async function otherLinesOf(db: Queryable, patientId: string, prescriptionId: string, exceptId: string | undefined): Promise<{ authors: string[]; closed: boolean }> {
  const rows = await db.query<{ author: string | null; status: string | null; deleted: boolean }>(
    `SELECT author, status, deleted FROM fhir_resource
      WHERE patient_id = $1::uuid AND group_id = $2 AND resource_type = 'MedicationRequest' AND id <> $3::uuid`,
    [patientId, prescriptionId, exceptId ?? "00000000-0000-0000-0000-000000000000"],
  );
  // A line without a prescriber is nobody's to extend.
  const authors = [...new Set(rows.map((row) => row.author ?? "unknown"))];
  const live = rows.filter((row) => !row.deleted);
  return { authors, closed: live.length > 0 && live.every((row) => row.status !== "active") };
}
