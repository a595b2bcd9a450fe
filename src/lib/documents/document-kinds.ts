import { SYSTEMS, type DocumentCategory } from "@/lib/fhir/systems";

/**
 * The kinds of document a patient or a professional can add, each with its LOINC type and the
 * portal category it is listed under. The same codes as the seed's documents, so filters find
 * uploaded and seeded documents alike.
 */
export const UPLOAD_KINDS = {
  lab: { code: "11502-2", display: "Laboratory report", category: "lab" },
  imaging: { code: "18748-4", display: "Diagnostic imaging study", category: "imaging" },
  discharge: { code: "18842-5", display: "Discharge summary", category: "report" },
  consultation: { code: "11488-4", display: "Consult note", category: "report" },
  prescription: { code: "57833-6", display: "Prescription for medication", category: "prescription" },
  vaccination: { code: "87273-9", display: "Immunization note", category: "vaccination" },
  personal: { code: "51855-5", display: "Patient Note", category: "personal" },
} as const satisfies Record<string, { code: string; display: string; category: DocumentCategory }>;

export type UploadKind = keyof typeof UPLOAD_KINDS;

export const UPLOAD_KIND_KEYS = Object.keys(UPLOAD_KINDS) as UploadKind[];

export function isUploadKind(value: string): value is UploadKind {
  return Object.prototype.hasOwnProperty.call(UPLOAD_KINDS, value);
}

export const DOCUMENT_CATEGORY_SYSTEM = SYSTEMS.documentCategory;
