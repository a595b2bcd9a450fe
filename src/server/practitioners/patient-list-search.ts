import "@/server/server-only";
import { foldWords } from "../fhir/directory-search";
import { MAX_PATIENT_SEARCH_LENGTH } from "@/lib/practitioners/patient-search-length";
import type { PractitionerPatient } from "../fhir/practitioner-patients";

/**
 * A professional looking for one patient among many on the home list ("martin", "Jean
 * Martin", "02/06/1950"): each word typed must appear, accents and case aside, in the
 * patient's name or in the birth date as written in France (day, month, year). Only the
 * professional's own list is searched, so nothing outside it can be found this way.
 */
export function matchingPatients(patients: PractitionerPatient[], search: string): PractitionerPatient[] {
  const words = foldWords(search.slice(0, MAX_PATIENT_SEARCH_LENGTH));
  if (words.length === 0) return patients;
  return patients.filter((patient) => {
    const haystack = `${foldWords(patient.name).join(" ")} ${frenchBirthDate(patient.birthDate)}`;
    return words.every((word) => haystack.includes(word));
  });
}

/** "1950-06-02" as "02 06 1950", so "02/06/1950" and "1950" both find it. */
function frenchBirthDate(birthDate: string | undefined): string {
  const [year, month, day] = (birthDate ?? "").split("-");
  return [day, month, year].filter(Boolean).join(" ");
}
