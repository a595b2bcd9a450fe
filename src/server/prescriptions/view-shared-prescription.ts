import "@/server/server-only";
import type { Patient } from "@medplum/fhirtypes";
import { randomUUID } from "node:crypto";
import { formatHumanName } from "@/lib/fhir/human-name";
import { notFound } from "../fhir/errors";
import type { Repository } from "../fhir/repository";
import { stateFingerprint } from "./prescription-model";
import { readPrescription, type NamedPrescription } from "./read-prescriptions";
import { prescriptionDispensable } from "./still-dispensable";

/**
 * What the pharmacist sees through a link: the patient's name and birth date, the prescriber,
 * the lines and what was dispensed so far, all read through the repository as the LinkActor
 * (so the reads are the link's rows in the patient's trail, and nothing else of the record is
 * reachable). The form that records a dispensation carries the state it was drawn from and a
 * fresh idempotency key.
 */
export type SharedPrescriptionView = {
  patient: { name: string; birthDate?: string; gender?: Patient["gender"] };
  prescription: NamedPrescription;
  /** The lines and dispensations as read now; the dispensation form sends it back. */
  state: string;
  /** One per form drawn: the same form posted twice records once. */
  formKey: string;
};

export async function viewSharedPrescription(repo: Repository): Promise<SharedPrescriptionView> {
  const actor = repo.actor;
  if (actor.kind !== "link") throw notFound();
  // The patient and the prescription at once: the link may read both, decided one by one.
  const [patient, found] = await Promise.all([
    repo.read<Patient>("Patient", actor.patientId),
    readPrescription(repo, actor.patientId, actor.prescriptionId, repo.now()),
  ]);
  // A prescription past its validity: « no longer available », as a dead link (still-dispensable.ts).
  if (!found || !prescriptionDispensable(found.prescription)) throw notFound();
  return {
    patient: { name: formatHumanName(patient.name) ?? "", birthDate: patient.birthDate, gender: patient.gender },
    prescription: found.prescription,
    state: stateFingerprint([...found.requests, ...found.dispenses]),
    formKey: randomUUID(),
  };
}
