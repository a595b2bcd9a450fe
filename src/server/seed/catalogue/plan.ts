import type { Reference } from "@medplum/fhirtypes";
import type { Confidentiality } from "@/lib/fhir/systems";
import type { PdfSection } from "@/server/documents/render-pdf";
import type { DocumentKind } from "@/lib/fhir/builders/documents";
import type { OrganizationPersona, PatientPersona, PractitionerPersona } from "@/lib/demo/personas";

/**
 * One document of a persona's record, as the catalogue describes it: what the PDF says and the
 * metadata of its DocumentReference. The seed turns each plan into a PDF and a document.
 */
export type DocumentPlan = {
  /** Unique within the patient; the document's id is derived from it unless `id` is given. */
  key: string;
  id?: string;
  kind: DocumentKind;
  title: string;
  /** ISO date-time. */
  date: string;
  /** A professional, or "patient" for an upload from the patient's space. */
  author: PractitionerPersona | "patient";
  /** Who uploaded it when author is "patient": the patient, or their guardian for a child. */
  uploader?: PatientPersona;
  /** Defaults to the author's organisation. */
  custodian?: OrganizationPersona;
  confidentiality?: Confidentiality;
  sections: PdfSection[];
  related?: Reference[];
};

/** The catalogue is written against a clock, so "recent" and "still valid" stay true whenever it runs. */
export type SeedClock = { now: Date };

const DAY = 24 * 60 * 60 * 1000;

/** An ISO date-time `days` before now, at 09:30 UTC (office hours in France). */
export function daysAgo(clock: SeedClock, days: number): string {
  const date = new Date(clock.now.getTime() - days * DAY);
  date.setUTCHours(9, 30, 0, 0);
  return date.toISOString();
}

export function daysFromNow(clock: SeedClock, days: number): string {
  const date = new Date(clock.now.getTime() + days * DAY);
  date.setUTCHours(22, 0, 0, 0);
  return date.toISOString();
}

/** A fixed past date at 09:30 UTC ("2021-03-22"). */
export function on(day: string, hour = 9): string {
  return `${day}T${String(hour).padStart(2, "0")}:30:00.000Z`;
}

/** "14/03/2024" for the text of letters. */
export function frDate(iso: string): string {
  const [year, month, day] = iso.slice(0, 10).split("-");
  return `${day}/${month}/${year}`;
}

/** Everything a PDF says, for the full-text index (the seed knows it without parsing the file). */
export function textOf(plan: Pick<DocumentPlan, "title" | "sections">): string {
  const parts: string[] = [plan.title];
  for (const section of plan.sections) {
    if (section.heading) parts.push(section.heading);
    parts.push(...(section.paragraphs ?? []), ...(section.list ?? []));
    if (section.table) {
      parts.push(section.table.columns.map((column) => column.label).join(" "));
      for (const row of section.table.rows) parts.push(row.join(" "));
    }
  }
  return parts.join("\n");
}

export type PatientCatalogue = { patient: PatientPersona; documents: (clock: SeedClock) => DocumentPlan[] };
