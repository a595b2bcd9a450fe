import "@/server/server-only";
import type { Patient } from "@medplum/fhirtypes";
import type { Actor } from "../access/actor";
import { isOfAge } from "./majority";

/**
 * Whether the space is a child's, the only one where the carnet de santé (growth on the
 * childhood curves) applies: a parent acting in it (a guardianship ends by itself at majority,
 * rules.ts) where the birth date does not say she is of age, or anyone else in the space of a person whose birth date says they are a minor.
 * An adult's space, or one without a birth date, has no carnet: its page is « Page
 * introuvable » and its form writes nothing.
 */
export function isChildSpace(actor: Actor, patient: Patient, now: Date): boolean {
  // A guardian of an adult (a judge's protection measure, access/rules.ts) is in an adult's space.
  if (actor.kind === "guardian") return !isOfAge(patient.birthDate, now);
  return patient.birthDate !== undefined && !isOfAge(patient.birthDate, now);
}
