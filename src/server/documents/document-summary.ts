import "@/server/server-only";
import type { DocumentReference } from "@medplum/fhirtypes";
import { DOCUMENT_CATEGORIES, SYSTEMS, type Confidentiality, type DocumentCategory } from "@/lib/fhir/systems";

/**
 * A document as the pages show it. Every text in it comes from stored data (titles, names) and
 * is rendered by React as text, never as HTML.
 */
export type DocumentSummary = {
  id: string;
  versionId: string;
  title: string;
  kindLabel?: string;
  category?: DocumentCategory;
  date?: string;
  authorRef?: string;
  authorName?: string;
  /** Added from a patient's space (the patient, a guardian or a caregiver). */
  authorIsPatient: boolean;
  facilityName?: string;
  contentType?: string;
  size?: number;
  confidentiality: Confidentiality;
  hidden: boolean;
  isNew: boolean;
  lastUpdated?: string;
};

export function titleOf(document: DocumentReference): string | undefined {
  return document.description ?? document.content?.[0]?.attachment?.title ?? document.type?.text;
}

export function categoryOf(document: DocumentReference): DocumentCategory | undefined {
  const code = document.category
    ?.flatMap((c) => c.coding ?? [])
    .find((coding) => coding.system === SYSTEMS.documentCategory)?.code;
  return (DOCUMENT_CATEGORIES as readonly string[]).includes(code ?? "") ? (code as DocumentCategory) : undefined;
}

export function confidentialityOfDocument(document: DocumentReference): Confidentiality {
  const codes = (document.meta?.security ?? []).filter((s) => s.system === SYSTEMS.confidentiality).map((s) => s.code);
  if (codes.includes("V")) return "V";
  if (codes.includes("R")) return "R";
  return "N";
}

export function summarise(
  document: DocumentReference,
  context: { names: Map<string, string>; hiddenIds: ReadonlySet<string>; newSince?: Date; viewerRef?: string },
): DocumentSummary {
  const attachment = document.content?.[0]?.attachment;
  const authorRef = document.author?.[0]?.reference;
  const custodian = document.custodian?.reference;
  const lastUpdated = document.meta?.lastUpdated;
  const id = document.id ?? "";
  return {
    id,
    versionId: document.meta?.versionId ?? "1",
    title: titleOf(document) ?? "",
    kindLabel: document.type?.text,
    category: categoryOf(document),
    date: document.date,
    authorRef,
    authorName: authorRef ? context.names.get(authorRef) : undefined,
    authorIsPatient: authorRef?.startsWith("Patient/") ?? false,
    facilityName: custodian ? context.names.get(custodian) : undefined,
    contentType: attachment?.contentType,
    size: attachment?.size,
    confidentiality: confidentialityOfDocument(document),
    hidden: context.hiddenIds.has(id),
    // New: changed since the last visit, by someone else than the viewer.
    isNew:
      context.newSince !== undefined &&
      lastUpdated !== undefined &&
      new Date(lastUpdated) > context.newSince &&
      authorRef !== context.viewerRef,
    lastUpdated,
  };
}
