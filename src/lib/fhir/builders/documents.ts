import type { DocumentReference, Reference } from "@medplum/fhirtypes";
import { SYSTEMS, type Confidentiality } from "@/lib/fhir/systems";
import { UPLOAD_KINDS, type UploadKind } from "@/lib/documents/document-kinds";
import { frDocuments } from "@/lib/i18n/fr-documents";
import { safeFileName } from "@/server/documents/safe-file-name";
import { newId } from "./ids";

/**
 * The kinds of document of the demo record are the kinds a person can add (same LOINC types and
 * categories, document-kinds.ts), labelled as the pages label them (fr-documents.ts).
 */
export type DocumentKind = UploadKind;

export function documentKindLabel(kind: DocumentKind): string {
  return frDocuments.documents.kinds[kind];
}

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
  const kind = UPLOAD_KINDS[input.kind ?? "consultation"];
  const label = documentKindLabel(input.kind ?? "consultation");
  const title = input.title ?? label;
  const date = input.date ?? new Date().toISOString();
  const confidentiality = input.confidentiality ?? "N";
  return {
    resourceType: "DocumentReference",
    id: input.id ?? newId(),
    meta: confidentiality === "N" ? undefined : { security: [{ system: SYSTEMS.confidentiality, code: confidentiality }] },
    status: "current",
    docStatus: "final",
    type: { coding: [{ system: SYSTEMS.loinc, code: kind.code, display: kind.display }], text: label },
    category: [{ coding: [{ system: SYSTEMS.documentCategory, code: kind.category, display: frDocuments.documents.categories[kind.category] }] }],
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
