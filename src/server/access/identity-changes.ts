import type { Patient } from "@medplum/fhirtypes";
import type { Actor } from "./actor";
import { canonical } from "./canonical-json";
import type { Reason } from "./decision";

/**
 * What of a Patient only the record system changes: the identity a professional finds the
 * person by. The emergency search matches the INS, or a name and the birth date, among active
 * patients (emergency-match.ts) and refuses two matches; the birth date also ends a guardianship
 * (children/majority.ts). A patient who gave her own record another person's INS, or name and
 * birth date, made that person impossible to look up in an emergency. The INS and its strict
 * traits (birth name, first given names, birth date, sex, birth place) come from the national
 * teleservice INSi, not from the person (ARS Occitanie, « Identité nationale de santé (INS) »,
 * https://www.occitanie.ars.sante.fr/identite-nationale-de-sante-ins). The rest of the Patient
 * (address, telecom, language…) stays the patient's to change. Pure; the repository checks every
 * update of a Patient against the stored version.
 */
export function identityChangeRefusal(actor: Actor, stored: Patient, next: Patient): Reason | undefined {
  if (actor.kind === "system") return undefined;
  return canonical(identityOf(stored)) === canonical(identityOf(next)) ? undefined : "identity";
}

function identityOf(patient: Patient) {
  return {
    identifier: patient.identifier ?? [],
    name: patient.name ?? [],
    birthDate: patient.birthDate ?? "",
    gender: patient.gender ?? "",
    // Absent reads as active (columns.ts): only an explicit false takes a patient out of the search.
    active: patient.active !== false,
  };
}
