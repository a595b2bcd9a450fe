import "@/server/server-only";
import type { DocumentReference } from "@medplum/fhirtypes";
import { parisDayOf } from "@/lib/dates/paris-day";
import { titleOf } from "../documents/document-summary";
import { safeFileName } from "../documents/safe-file-name";
import { ACCEPTED_TYPES, isAcceptedType } from "../documents/upload-policy";

/** The folder of the copy where the documents' files go. */
export const DOCUMENTS_FOLDER = "documents/";

/**
 * The names of the documents' files in a copy of a record: « 2024-03-14 Bilan sanguin.pdf »,
 * the day first so that a file manager lists them in order. A title is typed by people (or by a
 * professional's software): it goes through safeFileName, so no separator, « .. », control or
 * direction mark reaches the archive, and nothing can name a path outside `documents/`. Two
 * documents of the same day and title get « (2) », « (3) »…, compared without case, as Windows
 * and macOS compare names. It remembers the names given (a few hundred kilobytes for 5,000).
 */
export class DocumentFileNames {
  private readonly taken = new Set<string>();

  nameOf(document: DocumentReference, contentType: string): string {
    const extension = isAcceptedType(contentType) ? ACCEPTED_TYPES[contentType] : "bin";
    const day = dayOf(document.date);
    const title = titleOf(document) ?? "document";
    const name = safeFileName(day ? `${day} ${title}` : title, extension);
    const dot = name.lastIndexOf(".");
    const [base, ext] = [name.slice(0, dot), name.slice(dot)];
    let candidate = name;
    for (let n = 2; this.taken.has(candidate.toLowerCase()); n++) candidate = `${base} (${n})${ext}`;
    this.taken.add(candidate.toLowerCase());
    return `${DOCUMENTS_FOLDER}${candidate}`;
  }
}

/** The Paris day of a document's date (an instant, or a day as typed), or undefined. */
function dayOf(date: string | undefined): string | undefined {
  if (!date) return undefined;
  if (/^\d{4}-\d{2}-\d{2}$/.test(date)) return date;
  const instant = new Date(date);
  return Number.isNaN(instant.getTime()) ? undefined : parisDayOf(instant);
}
