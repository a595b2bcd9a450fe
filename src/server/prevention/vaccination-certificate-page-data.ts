import "@/server/server-only";
import type { Immunization } from "@medplum/fhirtypes";
import { formatHumanName } from "@/lib/fhir/human-name";
import { spaceOf } from "../access/actor";
import { reachesPart } from "../delegations/space-parts";
import type { RequestScope } from "../documents/request-scope";
import { todayInParis } from "./days";
import { frDay } from "./evaluators/context";
import { countsAsGiven } from "./extract-facts";
import { loadPreventionRecord } from "./load-prevention-record";

/** The caregiver's delegation does not reach the vaccinations: no certificate, the page says why. */
export type VaccinationCertificatePageData = CertificateData | { outOfReach: "record" };

type CertificateData = {
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
  if (!(await reachesPart(repo, "record"))) return { outOfReach: "record" };
  const record = await loadPreventionRecord(repo, patientId);
  const birth = record.patient.birthDate;
  return {
    name: formatHumanName(record.patient.name) ?? "",
    birth: birth && /^\d{4}-\d{2}-\d{2}$/.test(birth) ? frDay(birth) : (birth ?? "Inconnue"),
    issued: frDay(todayInParis(repo.now())),
    // A certificate lists what was given: not a dose recorded as not done, in error or subpotent.
    immunizations: record.immunizations.filter(countsAsGiven),
  };
}
