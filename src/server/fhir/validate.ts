import "@/server/server-only";
import { OperationOutcomeError, validateResource } from "@medplum/core";
import type { OperationOutcomeIssue, Resource } from "@medplum/fhirtypes";
import { SUPPORTED_TYPES } from "../access/facts";
import { idOfReference } from "@/lib/fhir/reference-id";
import { consentRule } from "../access/rules";
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
    case "Consent":
      // A hide rule names documents of the store, whose ids are UUIDs. Any other reference hides
      // nothing, and once cast in a search's SQL it failed every search of the record (issue 16's
      // row-filter-sql property test; row-filter-sql.ts still leaves such ids out of rules stored before).
      if (consentRule(resource) === "hide") {
        (resource.provision?.data ?? []).forEach((data, i) => {
          const documentId = idOfReference(data.reference?.reference, "DocumentReference");
          if (!documentId || !isUuid(documentId)) {
            issues.push(issue(`Consent.provision.data[${i}].reference`, "Un masquage nomme des documents de la forme DocumentReference/<uuid>."));
          }
        });
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

/**
 * The longest text any element of a written resource may hold, but a file's bytes (`data`:
 * Attachment.data, Binary.data, base64) and a narrative (`div`). FHIR allows a megabyte a string;
 * the portal's pages show these texts (a vaccine's or a condition's name, a note) in tables and
 * cards, and a patient's own Immunization with a `code.text` of 40,000 characters on thousands of
 * lines was stored and shown to her professionals (found by the attack round over HTTP). Ten
 * thousand characters hold several pages of a note; a longer text is a document, written as one.
 * Where a form has a narrower rule (a message's subject, a document's title), the repository
 * applies it too (message-delivery.ts, document-title.ts).
 */
export const MAX_STRING_LENGTH = 10_000;
const UNBOUNDED_KEYS = new Set(["data", "div"]);

/**
 * Keys that every plain object inherits ("toString", "constructor", "valueOf", "__proto__"…).
 * Medplum's validator looks element names up in plain objects, so such a key passed as a known
 * element and was stored with whatever it held: the FHIR API's property test found a document
 * carrying "toString": {"reference": "Patient/<someone else>"}. No FHIR element has such a name,
 * so they are refused at any depth. Walked with a stack: a body nested thousands deep must not
 * overflow the server's. The same walk finds texts longer than MAX_STRING_LENGTH.
 */
function walkIssues(root: unknown): { inherited: OperationOutcomeIssue[]; tooLong: OperationOutcomeIssue[] } {
  const inherited: OperationOutcomeIssue[] = [];
  const tooLong: OperationOutcomeIssue[] = [];
  const stack: { value: unknown; path: string; key?: string }[] = [{ value: root, path: "" }];
  while (stack.length > 0 && inherited.length + tooLong.length < 10) {
    const { value, path, key: ownKey } = stack.pop()!;
    if (typeof value === "string" && value.length > MAX_STRING_LENGTH && !UNBOUNDED_KEYS.has(ownKey ?? "")) {
      tooLong.push({ severity: "error", code: "too-long", diagnostics: `Texte trop long : ${MAX_STRING_LENGTH} caractères au plus.`, expression: [path.slice(0, 200)] });
      continue;
    }
    if (typeof value !== "object" || value === null) continue;
    for (const [key, child] of Object.entries(value)) {
      const at = Array.isArray(value) ? `${path}[${key}]` : path ? `${path}.${key}` : key;
      if (!Array.isArray(value) && Object.prototype.hasOwnProperty.call(Object.prototype, key)) {
        inherited.push({ severity: "error", code: "structure", diagnostics: `Propriété inconnue : ${key.slice(0, 64)}`, expression: [at.slice(0, 200)] });
      }
      // An array's items are judged by the key that holds the array (`note[3].text` by `text`).
      stack.push({ value: child, path: at, key: Array.isArray(value) ? ownKey : key });
    }
  }
  return { inherited, tooLong };
}

export function validateForWrite(resource: Resource): void {
  if (!SUPPORTED_TYPES.includes(resource.resourceType) || resource.resourceType === "AuditEvent") {
    throw invalid(`Type de ressource non pris en charge : ${String(resource.resourceType).slice(0, 64)}`);
  }
  // Judged as it will be stored (JSON): a key whose value is undefined is absent, not an
  // unknown property (the validator rejects `abatementDateTime: undefined` otherwise).
  const stored = JSON.parse(JSON.stringify(resource)) as Resource;
  const { inherited, tooLong } = walkIssues(stored);
  if (inherited.length > 0) throw invalid("La ressource n'est pas conforme à FHIR R4.", inherited);
  if (tooLong.length > 0) throw invalid("Un texte de la ressource dépasse la longueur permise.", tooLong);
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
