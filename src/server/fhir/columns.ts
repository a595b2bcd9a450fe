import type { CodeableConcept, Reference, Resource } from "@medplum/fhirtypes";
import { fhirStart } from "@/lib/dates/fhir-date";
import { SYSTEMS, type Confidentiality } from "@/lib/fhir/systems";

/**
 * The indexed columns of fhir_resource, extracted from a resource on every write. They are
 * what access rules and searches filter on, so the SQL filter sees exactly the facts that
 * decide() sees.
 */
export type ResourceColumns = {
  patientId: string | null;
  status: string | null;
  category: string | null;
  code: string | null;
  date: Date | null;
  author: string | null;
  actorRef: string | null;
  security: string[];
  groupId: string | null;
};

type Loose = Record<string, unknown>;

const ref = (value: unknown): string | null => {
  const reference = (value as Reference | undefined)?.reference;
  return typeof reference === "string" ? reference : null;
};
const firstRef = (value: unknown): string | null => (Array.isArray(value) ? ref(value[0]) : ref(value));
const firstCode = (value: unknown): string | null => {
  const concept = (Array.isArray(value) ? value[0] : value) as CodeableConcept | undefined;
  return concept?.coding?.[0]?.code ?? null;
};
const codeIn = (value: unknown, system: string): string | null => {
  const concepts = (Array.isArray(value) ? value : [value]) as (CodeableConcept | undefined)[];
  for (const concept of concepts) {
    const coding = concept?.coding?.find((c) => c.system === system);
    if (coding?.code) return coding.code;
  }
  return firstCode(value);
};
const toDate = (value: unknown): Date | null => {
  if (typeof value !== "string") return null;
  // A date without a time (a birth date, an immunisation day) starts at 00:00 Paris time.
  const date = fhirStart(value) ?? new Date(Number.NaN);
  return Number.isNaN(date.getTime()) ? null : date;
};

/**
 * The element that names the patient in a resource of each type held in a patient's compartment
 * (FHIR R4's Patient compartment: `patient` for some types, `subject` for the others). Read
 * here (patientReferenceOf) and written where a resource created in a space gets its patient
 * (prepare-write.ts), from this one list. A Binary has none: the repository takes its patient
 * from the document the file belongs to.
 */
const PATIENT_ELEMENT: Readonly<Partial<Record<string, "patient" | "subject">>> = {
  Consent: "patient",
  Immunization: "patient",
  AllergyIntolerance: "patient",
  RelatedPerson: "patient",
  DocumentReference: "subject",
  MedicationRequest: "subject",
  MedicationDispense: "subject",
  Condition: "subject",
  Observation: "subject",
  Procedure: "subject",
  Communication: "subject",
  QuestionnaireResponse: "subject",
};

/** Where a resource of this type names its patient (undefined: it does not, or it is the Patient). */
export function patientElementOf(resourceType: string): "patient" | "subject" | undefined {
  return Object.hasOwn(PATIENT_ELEMENT, resourceType) ? PATIENT_ELEMENT[resourceType] : undefined;
}

/** The reference naming the patient whose compartment holds a resource of this type. */
export function patientReferenceOf(resource: Resource): string | null {
  if (resource.resourceType === "Patient") return resource.id ? `Patient/${resource.id}` : null;
  const element = patientElementOf(resource.resourceType);
  return element ? ref((resource as unknown as Loose)[element]) : null;
}

export function patientIdOf(resource: Resource): string | null {
  const reference = patientReferenceOf(resource);
  return reference?.startsWith("Patient/") ? reference.slice("Patient/".length) : null;
}

export function confidentialityOf(security: readonly string[]): Confidentiality {
  if (security.includes("V")) return "V";
  if (security.includes("R")) return "R";
  return "N";
}

function securityOf(resource: Resource): string[] {
  const labels = resource.meta?.security ?? [];
  return labels
    .filter((label) => label.system === SYSTEMS.confidentiality || label.system === SYSTEMS.privacyLabel)
    .map((label) => label.code ?? "")
    .filter((code) => code !== "" && code !== "N");
}

export function extractColumns(resource: Resource): ResourceColumns {
  const r = resource as unknown as Loose;
  const columns: ResourceColumns = {
    patientId: patientIdOf(resource),
    status: typeof r.status === "string" ? r.status : null,
    category: null,
    code: null,
    date: null,
    author: null,
    actorRef: null,
    security: securityOf(resource),
    groupId: null,
  };
  switch (resource.resourceType) {
    case "DocumentReference":
      columns.category = codeIn(r.category, SYSTEMS.documentCategory);
      columns.code = firstCode(r.type);
      columns.date = toDate(r.date);
      columns.author = firstRef(r.author);
      break;
    case "MedicationRequest":
      columns.code = firstCode(r.medicationCodeableConcept);
      columns.date = toDate(r.authoredOn);
      columns.author = ref(r.requester);
      columns.groupId = (r.groupIdentifier as { value?: string } | undefined)?.value ?? null;
      break;
    case "MedicationDispense":
      columns.code = firstCode(r.medicationCodeableConcept);
      columns.date = toDate(r.whenHandedOver);
      columns.author = Array.isArray(r.performer) ? ref((r.performer[0] as Loose | undefined)?.actor) : null;
      break;
    case "Consent":
      columns.category = codeIn(r.category, SYSTEMS.consentRule);
      columns.date = toDate(r.dateTime);
      columns.actorRef = ref(((r.provision as Loose | undefined)?.actor as Loose[] | undefined)?.[0]?.reference);
      break;
    case "RelatedPerson": {
      const agent = (resource.identifier ?? []).find((id) => id.system === SYSTEMS.agentPatient)?.value;
      columns.actorRef = agent ? `Patient/${agent}` : null;
      columns.status = resource.active === false ? "inactive" : "active";
      break;
    }
    case "Immunization":
      columns.code = firstCode(r.vaccineCode);
      columns.date = toDate(r.occurrenceDateTime);
      break;
    case "Condition":
    case "AllergyIntolerance":
      columns.status = firstCode(r.clinicalStatus);
      columns.category = typeof r.category === "string" ? r.category : firstCode(r.category);
      columns.code = firstCode(r.code);
      columns.date = toDate(r.recordedDate ?? r.onsetDateTime);
      break;
    case "Observation":
      columns.category = firstCode(r.category);
      columns.code = firstCode(r.code);
      columns.date = toDate(r.effectiveDateTime ?? r.issued);
      columns.author = firstRef(r.performer);
      break;
    case "Procedure":
      columns.code = firstCode(r.code);
      columns.date = toDate(r.performedDateTime ?? (r.performedPeriod as { start?: unknown } | undefined)?.start);
      columns.author = ref(r.recorder);
      break;
    case "QuestionnaireResponse":
      columns.code = typeof r.questionnaire === "string" ? r.questionnaire : null;
      columns.date = toDate(r.authored);
      columns.author = ref(r.author);
      break;
    case "Communication": {
      columns.category = firstCode(r.category);
      columns.date = toDate(r.sent);
      columns.author = ref(r.sender);
      // The professional the conversation is with (decide() lets only them in), and the
      // conversation itself, so that a professional's inbox and a thread are indexed reads.
      const people = [ref(r.sender), ...(Array.isArray(r.recipient) ? r.recipient.map(ref) : [])];
      columns.actorRef = people.find((person) => person?.startsWith("Practitioner/")) ?? null;
      columns.groupId = (resource.identifier ?? []).find((id) => id.system === SYSTEMS.conversation)?.value ?? null;
      break;
    }
    case "Binary":
      columns.code = typeof r.contentType === "string" ? r.contentType : null;
      columns.actorRef = ref(r.securityContext);
      break;
    case "Patient":
      columns.status = resource.active === false ? "inactive" : "active";
      columns.date = toDate(r.birthDate);
      break;
    case "PractitionerRole":
      // Indexed: the facilities of a record's authors, and the directory search's specialty and
      // practice of a professional, are found by index, not a directory scan.
      columns.actorRef = ref(r.practitioner);
      break;
    default:
      break;
  }
  return columns;
}
