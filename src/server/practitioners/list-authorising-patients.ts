import "server-only";
import type { Patient } from "@medplum/fhirtypes";
import { parisDayOf, type Day } from "@/lib/dates/paris-day";
import type { Repository } from "../fhir/repository";

/**
 * A professional's patients: those whose rules authorise them now (not blocked, grant not
 * expired), with the end of a time-limited grant. Each name is a checked, audited read, so the
 * patient sees in their history that the professional opened their list entry.
 */
export type AuthorisingPatient = { patientId: string; name: string; birthDate?: string; lastDay?: Day };

export async function listAuthorisingPatients(repo: Repository): Promise<AuthorisingPatient[]> {
  const grants = await repo.patientsWhoAuthorise();
  const patients: AuthorisingPatient[] = [];
  for (const grant of grants) {
    try {
      const patient = await repo.read<Patient>("Patient", grant.patientId);
      const name = patient.name?.[0];
      patients.push({
        patientId: grant.patientId,
        name: [name?.given?.join(" "), name?.family].filter(Boolean).join(" ") || grant.patientId,
        birthDate: patient.birthDate,
        // The grant's expiry is the first instant past its last day: the day shown is the one before.
        lastDay: grant.until ? parisDayOf(new Date(grant.until.getTime() - 1)) : undefined,
      });
    } catch {
      // The rules changed between the two reads: not listed.
    }
  }
  return patients.sort((a, b) => a.name.localeCompare(b.name, "fr"));
}
