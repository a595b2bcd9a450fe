import "server-only";
import { OperationOutcomeError, validateResource } from "@medplum/core";
import type { OperationOutcomeIssue, Resource } from "@medplum/fhirtypes";
import { SUPPORTED_TYPES } from "../access/facts";
import { patientReferenceOf } from "./columns";
import { invalid, unprocessable } from "./errors";
import { isUuid } from "./ids";
import { indexDefinitionsFor, prepareDefinitions } from "./structure-definitions";

/**
 * Every resource written is checked against the FHIR R4 StructureDefinitions with Medplum's
 * maintained validator (structure, cardinality, types), then against the portal's own rules.
 * The data types are indexed once per process when the first Repository is built (done inside a
 * write's transaction, under load the whole bundle outlasted the transaction timeout); each
 * resource type's definition when first needed (structure-definitions.ts).
 */
export function prepareValidator() {
  prepareDefinitions();
}

const issue = (expression: string, diagnostics: string): OperationOutcomeIssue => ({
  severity: "error",
  code: "business-rule",
  diagnostics,
  expression: [expression],
});

/** Rules of the portal that FHIR itself leaves open. */
function portalIssues(resource: Resource): OperationOutcomeIssue[] {
  const issues: OperationOutcomeIssue[] = [];
  const type = resource.resourceType;
  const patientRef = patientReferenceOf(resource);
  if (type !== "Patient" && type !== "Binary" && patientRef === null && needsPatient(type)) {
    issues.push(issue(`${type}.subject`, "La ressource doit appartenir à exactement un patient (référence Patient/…)."));
  }
  if (patientRef !== null && !(patientRef.startsWith("Patient/") && isUuid(patientRef.slice("Patient/".length)))) {
    issues.push(issue(`${type}.subject`, "La référence au patient doit être de la forme Patient/<uuid>."));
  }
  switch (resource.resourceType) {
    case "DocumentReference":
      if ((resource.content ?? []).length !== 1) issues.push(issue("DocumentReference.content", "Un document porte exactement un fichier."));
      if (!["current", "superseded", "entered-in-error"].includes(resource.status)) {
        issues.push(issue("DocumentReference.status", "Statut inconnu."));
      }
      break;
    case "MedicationRequest":
      if (!resource.requester?.reference?.startsWith("Practitioner/")) {
        issues.push(issue("MedicationRequest.requester", "Une prescription nomme son prescripteur."));
      }
      if (!resource.groupIdentifier?.value) {
        issues.push(issue("MedicationRequest.groupIdentifier", "Une ligne de prescription appartient à une ordonnance."));
      }
      break;
    case "MedicationDispense":
      if (!resource.authorizingPrescription?.[0]?.reference?.startsWith("MedicationRequest/")) {
        issues.push(issue("MedicationDispense.authorizingPrescription", "Une délivrance se rapporte à une prescription."));
      }
      break;
    default:
      break;
  }
  return issues;
}

function needsPatient(type: string) {
  return !["Practitioner", "PractitionerRole", "Organization"].includes(type);
}

export function validateForWrite(resource: Resource): void {
  if (!SUPPORTED_TYPES.includes(resource.resourceType) || resource.resourceType === "AuditEvent") {
    throw invalid(`Type de ressource non pris en charge : ${String(resource.resourceType).slice(0, 64)}`);
  }
  // Judged as it will be stored (JSON): a key whose value is undefined is absent, not an
  // unknown property (the validator rejects `abatementDateTime: undefined` otherwise).
  const stored = JSON.parse(JSON.stringify(resource)) as Resource;
  indexDefinitionsFor(stored);
  try {
    validateResource(stored);
  } catch (error) {
    if (error instanceof OperationOutcomeError) {
      throw invalid("La ressource n'est pas conforme à FHIR R4.", error.outcome.issue ?? []);
    }
    throw error;
  }
  const issues = portalIssues(resource);
  if (issues.length > 0) throw unprocessable("La ressource ne respecte pas les règles du portail.", issues);
}
