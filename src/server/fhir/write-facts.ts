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
  return {
    resourceType: resource.resourceType,
    id: resource.id,
    patientId: columns.patientId ?? patientIdOf(resource) ?? undefined,
    confidentiality: confidentialityOf(columns.security),
    labels: columns.security,
    author: columns.author ?? undefined,
    prescriptionId,
  };
}
