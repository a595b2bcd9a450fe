import type { Metadata } from "next";
import { headers } from "next/headers";
import Link from "next/link";
import { DispensationsTable } from "@/components/prescriptions/dispensations-table";
import { PrescriptionFacts } from "@/components/prescriptions/prescription-facts";
import { PrescriptionLines } from "@/components/prescriptions/prescription-lines";
import { formatDay } from "@/lib/documents/format";
import { t } from "@/lib/i18n/messages";
import { patientIdentity } from "@/server/documents/patient-identity";
import { publicUrlOf } from "@/server/http/public-url";
import { prescriptionQrText } from "@/server/prescriptions/prescription-pdf";
import { qrSvgDataUrl } from "@/server/sharing/link-qr";
import { loadPrescription } from "../load-prescription";

export const metadata: Metadata = { title: t("prescriptionPage.metadataTitle") };

/** The printable view of a prescription, with its QR code; the browser prints it. */
export default async function PrintPrescriptionPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { detail, repo } = await loadPrescription(id);
  const { prescription } = detail;
  const patient = await patientIdentity(repo, detail.patientId);
  const date = prescription.authoredOn ? formatDay(prescription.authoredOn) : "";
  const qr = await qrSvgDataUrl(prescriptionQrText(publicUrlOf(await headers()), prescription.id));
  return (
    <article className="flex flex-col gap-6" aria-labelledby="print-title">
      <p className="print:hidden">
        <Link href={`/espace/ordonnances/${encodeURIComponent(prescription.id)}`} className="font-semibold">
          ← {t("share.backToPrescription")}
        </Link>
      </p>
      <header className="flex flex-wrap items-start justify-between gap-6">
        <div className="flex flex-col gap-2">
          <h1 id="print-title" className="text-3xl font-bold">
            {t("prescriptionPage.printTitle", { date })}
          </h1>
          <p className="text-slate-700 print:hidden">{t("prescriptionPage.printIntro")}</p>
          {patient ? (
            <p>
              <span className="font-semibold">{t("prescriptionPage.printPatient")} : </span>
              {patient.name}
              {patient.birthDate ? `, ${t("prescriptionPage.bornOn", { date: formatDay(patient.birthDate) })}` : null}
            </p>
          ) : null}
        </div>
        <figure className="flex flex-col items-center gap-1">
          {/* eslint-disable-next-line @next/next/no-img-element -- a data: URL drawn on the server */}
          <img src={qr} alt={t("prescriptionPage.qrAlt", { date })} width={160} height={160} />
          <figcaption className="max-w-48 text-center text-sm text-slate-700">{t("prescriptionPage.qrHint")}</figcaption>
        </figure>
      </header>
      <PrescriptionFacts prescription={prescription} />
      <PrescriptionLines lines={prescription.lines} captionId="lignes" />
      <DispensationsTable dispensations={prescription.dispensations} headingLevel={2} />
    </article>
  );
}
