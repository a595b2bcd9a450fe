import type { DocumentReference, Reference } from "@medplum/fhirtypes";
import { SYSTEMS, type Confidentiality, type DocumentCategory } from "@/lib/fhir/systems";
import { safeFileName } from "@/server/documents/safe-file-name";
import { newId } from "./ids";

/** The kinds of document of the demo record, with their LOINC type and portal category. */
export const DOCUMENT_KINDS = {
  lab: { code: "11502-2", display: "Laboratory report", label: "Résultats d'analyses de biologie médicale", category: "lab" },
  imaging: { code: "18748-4", display: "Diagnostic imaging study", label: "Compte rendu d'imagerie médicale", category: "imaging" },
  discharge: { code: "18842-5", display: "Discharge summary", label: "Lettre de liaison à la sortie", category: "report" },
  consultation: { code: "11488-4", display: "Consult note", label: "Compte rendu de consultation", category: "report" },
  prescription: { code: "57833-6", display: "Prescription for medication", label: "Ordonnance", category: "prescription" },
  vaccination: { code: "87273-9", display: "Immunization note", label: "Certificat de vaccination", category: "vaccination" },
  personal: { code: "51855-5", display: "Patient Note", label: "Document personnel", category: "personal" },
} as const satisfies Record<string, { code: string; display: string; label: string; category: DocumentCategory }>;

export type DocumentKind = keyof typeof DOCUMENT_KINDS;

const CATEGORY_LABELS: Record<DocumentCategory, string> = {
  lab: "Biologie",
  imaging: "Imagerie",
  report: "Comptes rendus",
  prescription: "Ordonnances",
  vaccination: "Vaccinations",
  personal: "Mes documents",
};

export type DocumentInput = {
  id?: string;
  patientId: string;
  kind?: DocumentKind;
  title?: string;
  /** ISO date-time; defaults to now. */
  date?: string;
  /** "Practitioner/…" or "Patient/…" (a patient's own upload). */
  author?: string;
  custodianId?: string;
  /** The Binary holding the file; defaults to a fresh id. */
  binaryId?: string;
  contentType?: string;
  size?: number;
  confidentiality?: Confidentiality;
  /** Other resources the document is about (e.g. the MedicationRequests of a prescription). */
  related?: Reference[];
};

/** A DocumentReference as the store keeps it: one patient, one attachment pointing at its Binary. */
export function aDocument(input: DocumentInput): DocumentReference {
  const kind = DOCUMENT_KINDS[input.kind ?? "consultation"];
  const title = input.title ?? kind.label;
  const date = input.date ?? new Date().toISOString();
  const confidentiality = input.confidentiality ?? "N";
  return {
    resourceType: "DocumentReference",
    id: input.id ?? newId(),
    meta: confidentiality === "N" ? undefined : { security: [{ system: SYSTEMS.confidentiality, code: confidentiality }] },
    status: "current",
    docStatus: "final",
    type: { coding: [{ system: SYSTEMS.loinc, code: kind.code, display: kind.display }], text: kind.label },
    category: [{ coding: [{ system: SYSTEMS.documentCategory, code: kind.category, display: CATEGORY_LABELS[kind.category] }] }],
    subject: { reference: `Patient/${input.patientId}` },
    date,
    author: input.author ? [{ reference: input.author }] : undefined,
    custodian: input.custodianId ? { reference: `Organization/${input.custodianId}` } : undefined,
    description: title,
    content: [
      {
        attachment: {
          contentType: input.contentType ?? "application/pdf",
          language: "fr-FR",
          url: `Binary/${input.binaryId ?? newId()}`,
          // As uploads do: the attachment's title is the file name offered on download.
          title: safeFileName(title, input.contentType === "image/jpeg" ? "jpg" : input.contentType === "image/png" ? "png" : "pdf"),
          size: input.size,
          creation: date,
        },
      },
    ],
    context: input.related?.length ? { related: input.related } : undefined,
  };
}

/** The Binary id a DocumentReference points at. */
export function binaryIdOf(document: DocumentReference): string | undefined {
  const url = document.content?.[0]?.attachment?.url;
  return url?.startsWith("Binary/") ? url.slice("Binary/".length) : undefined;
}
