import "@/server/server-only";
import type { Patient } from "@medplum/fhirtypes";
import { formatHumanName } from "@/lib/fhir/human-name";
import type { ReadRepository } from "../fhir/read-repository";
import { FR_2025 } from "./calendars/fr-2025";
import { todayInParis, type Day } from "./days";
import { extractFacts, FactsError } from "./extract-facts";
import { loadPreventionRecord, resourcesOf, type PreventionRecord } from "./load-prevention-record";
import { recommendKept } from "./recommend-kept";
import { SELF, type Reader } from "./evaluators/voice";
import type { PreventionItem } from "./types";

/** The calendar in force: one place to change when a new edition is published. */
export const CURRENT_CALENDAR = FR_2025;

/** `items` are shared between views (recommend-kept.ts): frozen, to be read, not changed. */
export type PatientPrevention = { record: PreventionRecord; items: readonly PreventionItem[]; date: Day };

/**
 * A person's prevention items today, from what the actor may see of their record. The same
 * engine and calendar as the command and the API. A record without a full birth date cannot be
 * evaluated: items are then empty (the page says so). `about: "other"`: the reasons are for
 * someone reading about the person (a parent, a caregiver, a professional), and name them.
 */
export async function preventionOf(
  repo: ReadRepository,
  patientId: string,
  { date = todayInParis(repo.now()), patient, about = "self" }: { date?: Day; patient?: Patient; about?: "self" | "other" } = {},
): Promise<PatientPrevention> {
  const record = await loadPreventionRecord(repo, patientId, patient);
  let items: readonly PreventionItem[] = [];
  try {
    items = recommendKept(extractFacts(record.patient, resourcesOf(record)), CURRENT_CALENDAR, date, about === "self" ? SELF : readerAbout(record.patient));
  } catch (error) {
    if (!(error instanceof FactsError)) throw error;
  }
  return { record, items, date };
}

/** Someone reading about this person: called by their first given name, or their full name without one. */
function readerAbout(patient: Patient): Reader {
  const name = patient.name?.[0];
  const first = name?.given?.[0]?.trim() || formatHumanName(patient.name) || "Cette personne";
  return { self: false, name: first };
}
