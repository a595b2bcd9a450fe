import "@/server/server-only";
import type { Immunization } from "@medplum/fhirtypes";
import { formatHumanName } from "@/lib/fhir/human-name";
import type { RequestScope } from "../documents/request-scope";
import { frDay } from "./evaluators/context";
import { vaccinationCertificate } from "./vaccination-certificate";

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

/** The printable list of the vaccinations of the space the session acts in (vaccination-certificate.ts). */
export async function vaccinationCertificatePageData(scope: RequestScope): Promise<VaccinationCertificatePageData> {
  const certificate = await vaccinationCertificate(scope);
  if (!certificate) throw new Error("Aucun espace patient");
  if ("outOfReach" in certificate) return certificate;
  const birth = certificate.patient.birthDate;
  return {
    name: formatHumanName(certificate.patient.name) ?? "",
    birth: birth && /^\d{4}-\d{2}-\d{2}$/.test(birth) ? frDay(birth) : (birth ?? "Inconnue"),
    issued: frDay(certificate.issued),
    immunizations: certificate.immunizations,
  };
}
