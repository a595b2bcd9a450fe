import "@/server/server-only";
import type { Patient } from "@medplum/fhirtypes";
import type { RequestScope } from "../documents/request-scope";
import { identityOf } from "../documents/patient-identity";
import { spacePatient } from "../delegations/space-patient-name";
import { isUuid } from "../fhir/ids";
import { publicUrlOf } from "../http/public-url";
import { orUndefined } from "../pages/or-undefined";
import { getPrescription } from "./get-prescription";
import { prescriptionQrText } from "./prescription-pdf";
import type { NamedPrescription } from "./read-prescriptions";
import { qrSvgDataUrl } from "../sharing/link-qr";

/** The printable prescription: the prescription, whose it is (if the actor may see the patient), and its QR code. */
export type PrintPageData = { prescription: NamedPrescription; patient: { name: string; birthDate?: string; gender?: Patient["gender"] } | null; qrCode: string };

/**
 * A prescription of the space as its printable page shows it, read through the repository as
 * its own page reads it (undefined, the page's « not found », for a malformed id or one the actor
 * may not see), with the patient's name and birth date and the QR code of its address on this
 * portal (`headers`: the request's, for its public address).
 */
export async function printPageData({ repo }: RequestScope, prescriptionId: string, headers: Headers): Promise<PrintPageData | undefined> {
  if (!isUuid(prescriptionId)) return undefined;
  const detail = await orUndefined(getPrescription(repo, prescriptionId));
  if (!detail) return undefined;
  const { prescription } = detail;
  // The space's person, as its banner reads them in another person's space: one read, and one
  // row in their history, for the banner and the page.
  const identity = spacePatient(repo, detail.patientId).then((patient) => patient && identityOf(patient));
  const [patient, qrCode] = await Promise.all([identity, qrSvgDataUrl(prescriptionQrText(publicUrlOf(headers), prescription.id))]);
  return { prescription, patient: patient ? { name: patient.name, birthDate: patient.birthDate, gender: patient.gender } : null, qrCode };
}
