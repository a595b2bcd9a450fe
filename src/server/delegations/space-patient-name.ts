import "@/server/server-only";
import type { Patient } from "@medplum/fhirtypes";
import { cache } from "react";
import { formatHumanName } from "@/lib/fhir/human-name";
import type { Repository } from "../fhir/repository";

/**
 * The name of the person whose space an agent (guardian, caregiver) acts in, read through the
 * repository as the agent, so the read is decided and in that person's history; undefined when
 * the decision says no. Once per request and repository (React's `cache`): the space's banner
 * (the layout) and the page's title share one read and one audit row, where the page searched
 * the Patient again.
 */
export const spacePatientName = cache(async (repo: Repository, patientId: string): Promise<string | undefined> => {
  const patient = await repo.read<Patient>("Patient", patientId).catch(() => undefined);
  return patient ? (formatHumanName(patient.name) ?? "") : undefined;
});
