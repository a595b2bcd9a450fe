import "@/server/server-only";
import type { Repository } from "../fhir/repository";
import type { PractitionerPatient } from "../fhir/practitioner-patients";
import { matchingPatients } from "./patient-list-search";

/**
 * A professional's patient list, a page at a time: those who let them in now (with the level and
 * the end of their authorisation), by name, and how many others' access ended, unnamed
 * (practitioner-patients.ts says why). The whole list is counted, so the page says how many
 * there are and pages through all of them.
 */
export const PATIENTS_PER_PAGE = 50;

export type PatientListPage = { patients: PractitionerPatient[]; total: number; ended: number; page: number; pages: number };

/** `search`: words the professional typed to find one patient (patient-list-search.ts); the counts are then of those found. */
export async function listAuthorisingPatients(repo: Repository, page = 1, search = ""): Promise<PatientListPage> {
  const { patients, ended } = await repo.practitionerPatients();
  const ordered = matchingPatients(patients, search);
  const pages = Math.max(1, Math.ceil(ordered.length / PATIENTS_PER_PAGE));
  const shown = Math.min(Math.max(1, Math.floor(page)), pages);
  return {
    patients: ordered.slice((shown - 1) * PATIENTS_PER_PAGE, shown * PATIENTS_PER_PAGE),
    total: ordered.length,
    ended,
    page: shown,
    pages,
  };
}
