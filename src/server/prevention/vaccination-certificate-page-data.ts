import "@/server/server-only";
import type { Immunization } from "@medplum/fhirtypes";
import { formatHumanName } from "@/lib/fhir/human-name";
import { spaceOf } from "../access/actor";
import type { RequestScope } from "../documents/request-scope";
import { todayInParis } from "./days";
import { frDay } from "./evaluators/context";
import { loadPreventionRecord } from "./load-prevention-record";

export type VaccinationCertificatePageData = {
  name: string;
  /** The birth date as the certificate writes it (« 2 juin 1950 »), as recorded if partial, or « Inconnue ». */
  birth: string;
  /** The day it is printed, written out. */
  issued: string;
  immunizations: Immunization[];
};

/** The printable list of the vaccinations of the space the session acts in, read through the one door. */
export async function vaccinationCertificatePageData({ actor, repo }: RequestScope): Promise<VaccinationCertificatePageData> {
  const patientId = spaceOf(actor);
  if (!patientId) throw new Error("Aucun espace patient");
  const record = await loadPreventionRecord(repo, patientId);
  const birth = record.patient.birthDate;
  return {
    name: formatHumanName(record.patient.name) ?? "",
    birth: birth && /^\d{4}-\d{2}-\d{2}$/.test(birth) ? frDay(birth) : (birth ?? "Inconnue"),
    issued: frDay(todayInParis(repo.now())),
    immunizations: record.immunizations,
  };
}
