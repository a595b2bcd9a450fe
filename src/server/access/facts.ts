import type { Confidentiality } from "@/lib/fhir/systems";

/**
 * What the decision needs to know of a resource: the same facts the store keeps in indexed
 * columns, so the SQL filter (search-filter.ts) can apply exactly the same rules.
 */
export type ResourceFacts = {
  resourceType: string;
  id?: string;
  /** The patient whose compartment holds it; undefined for directory resources. */
  patientId?: string;
  /** HL7 confidentiality (N when absent). */
  confidentiality: Confidentiality;
  /** Our privacy labels, e.g. "minor-secret". */
  labels: readonly string[];
  /** "Practitioner/…" or "Patient/…". */
  author?: string;
  /** For MedicationRequest and MedicationDispense: the prescription (group) they belong to. */
  prescriptionId?: string;
  /**
   * For a MedicationRequest about to be written: who wrote the other lines already stored under
   * the same prescription (group) of the patient. Only their prescriber adds or changes lines.
   */
  prescriptionAuthors?: readonly string[];
  /** For a MedicationRequest about to be written: its prescription has lines, none active any more. */
  prescriptionClosed?: boolean;
  /**
   * For a Communication: the professional its conversation is with ("Practitioner/<id>"), the
   * one of its sender and recipients who is a professional (indexed as actor_ref).
   */
  participant?: string;
};

export type Interaction = "read" | "search" | "history" | "create" | "update" | "delete" | "share" | "dispense";

/** Which part of the space a resource type belongs to; delegation scopes are granted per domain. */
export type Domain = "documents" | "prescriptions" | "record" | "privacy" | "delegations" | "audit" | "messages" | "profile" | "directory";

const DOMAINS: Record<string, Domain> = {
  DocumentReference: "documents",
  Binary: "documents",
  MedicationRequest: "prescriptions",
  MedicationDispense: "prescriptions",
  Immunization: "record",
  Condition: "record",
  AllergyIntolerance: "record",
  Observation: "record",
  // Screenings and check-ups (prevention, issue 14): part of the record like vaccinations.
  Procedure: "record",
  // "Mon bilan prévention": the person's self-questionnaire, part of the record (issue 14).
  QuestionnaireResponse: "record",
  Consent: "privacy",
  RelatedPerson: "delegations",
  AuditEvent: "audit",
  Communication: "messages",
  Patient: "profile",
  Practitioner: "directory",
  PractitionerRole: "directory",
  Organization: "directory",
};

export function domainOf(resourceType: string): Domain | undefined {
  return DOMAINS[resourceType];
}

export const SUPPORTED_TYPES = Object.keys(DOMAINS);
