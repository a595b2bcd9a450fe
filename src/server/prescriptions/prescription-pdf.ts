import "@/server/server-only";
import { patientIdentity } from "../documents/patient-identity";
import type { Repository } from "../fhir/repository";
import { qrPng } from "../sharing/link-qr";
import { getPrescription } from "./get-prescription";
import { renderPrescriptionPdf } from "./render-prescription-pdf";

/**
 * What the printable view and the PDF carry as QR code: the prescription's address in the
 * patient's space. It names the prescription and gives nothing without signing in (unlike a
 * share link, whose key is shown once and never stored).
 */
export function prescriptionQrText(appUrl: string, prescriptionId: string): string {
  return new URL(`/espace/ordonnances/${encodeURIComponent(prescriptionId)}`, appUrl).toString();
}

/** The PDF of one prescription of the actor's space, read (and audited) through the repository. */
export async function prescriptionPdf(repo: Repository, prescriptionId: string, appUrl: string): Promise<{ bytes: Uint8Array; fileName: string }> {
  const detail = await getPrescription(repo, prescriptionId);
  const patient = (await patientIdentity(repo, detail.patientId)) ?? { name: "" };
  const qrText = prescriptionQrText(appUrl, prescriptionId);
  const bytes = await renderPrescriptionPdf({ prescription: detail.prescription, patient, qr: { png: await qrPng(qrText), text: qrText } });
  const day = detail.prescription.authoredOn?.slice(0, 10) ?? "sans-date";
  return { bytes, fileName: `ordonnance-${day}.pdf` };
}
