import "@/server/server-only";
import type { Patient } from "@medplum/fhirtypes";
import { isUuid, type Repository } from "../fhir/repository";
import { formatHumanName } from "@/lib/fhir/human-name";

/** What a page shows of whose record it is: their name and birth date, and the Patient itself. */
export type PatientIdentity = { name: string; birthDate?: string; gender?: Patient["gender"]; patient: Patient };

export function identityOf(patient: Patient): PatientIdentity {
  return { name: formatHumanName(patient.name) ?? "", birthDate: patient.birthDate, gender: patient.gender, patient };
}

/**
 * The name of the patient whose space or record a page shows, if the actor may see them
 * (undefined otherwise: the page then answers 404, as for a patient that does not exist), and the
 * Patient itself, for a page that reads more of it (its prevention summary) without reading it again.
 */
export async function patientIdentity(repo: Repository, patientId: string): Promise<PatientIdentity | undefined> {
  if (!isUuid(patientId)) return undefined;
  const patient = await repo.searchPatient(patientId);
  return patient ? identityOf(patient) : undefined;
}
