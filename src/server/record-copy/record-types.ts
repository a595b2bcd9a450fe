import "@/server/server-only";
import type { Resource } from "@medplum/fhirtypes";

/**
 * The types of a patient's record that a copy holds besides the Patient itself, in the order of
 * dossier.json: documents, vaccinations, prescriptions and dispensations, the record's other
 * entries (facts.ts's « record » domain), messages, then the sharing choices (Consent) and the
 * people who act for the patient (RelatedPerson). Left out: the access trail (AuditEvent, its own
 * page, /espace/historique), the files' Binary resources (their bytes are in `documents/`), and
 * the directory's professionals and facilities, which are not the person's data.
 */
export const RECORD_TYPES = [
  "DocumentReference",
  "Immunization",
  "MedicationRequest",
  "MedicationDispense",
  "Condition",
  "AllergyIntolerance",
  "Observation",
  "Procedure",
  "QuestionnaireResponse",
  "Communication",
  "Consent",
  "RelatedPerson",
] as const satisfies readonly Resource["resourceType"][];
