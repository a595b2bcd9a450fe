import { NotFoundView } from "@/components/not-found-view";
import { DispensationsTable } from "@/components/prescriptions/dispensations-table";
import { PrescriptionFacts, prescriptionTitle } from "@/components/prescriptions/prescription-facts";
import { PrescriptionLines } from "@/components/prescriptions/prescription-lines";
import { formatDay } from "@/lib/documents/format";
import { grammaticalSex } from "@/lib/fhir/grammatical-sex";
import { t } from "@/lib/i18n/messages";
import { readerOf, tv } from "@/lib/i18n/voice";
import { framedPage, NOT_FOUND, type FramedProps } from "@/server/pages/framed-page";
import { headersOf } from "@/server/pages/request-headers";
import { printPageData, type PrintPageData } from "@/server/prescriptions/print-page-data";

/**
 * Served without runtime JavaScript, as the documents page is (src/pages/espace/documents/index.tsx
 * says why): the browser's own print command prints it, no script needed.
 */
export const config = { unstable_runtimeJS: false };

export const getServerSideProps = framedPage<PrintPageData>("patient", async (scope, { params, req }) => {
  const data = await printPageData(scope, typeof params?.id === "string" ? params.id : "", headersOf(req));
  // Titled as its heading says, so that its tab and a printed page's header tell it from another prescription.
  return data ? { title: prescriptionTitle(data.prescription), data } : NOT_FOUND;
});

/**
 * The printable view of a prescription, with its QR code; the browser prints it. Printed by
 * someone acting for the patient, the code leads to the patient's space, named as the frame's
 * banner names her (no second read).
 */
export default function PrintPrescriptionPage({ frame, data }: FramedProps<PrintPageData>) {
  if (!data) return <NotFoundView />;
  const { prescription, patient } = data;
  const date = prescription.authoredOn ? formatDay(prescription.authoredOn) : "";
  return (
    <article className="flex flex-col gap-6" aria-labelledby="print-title">
      <p className="print:hidden">
        <a href={`/espace/ordonnances/${encodeURIComponent(prescription.id)}`} className="font-semibold">
          ← {t("share.backToPrescription")}
        </a>
      </p>
      <header className="flex flex-wrap items-start justify-between gap-6">
        <div className="flex flex-col gap-2">
          <h1 id="print-title" className="text-3xl font-bold">
            {prescriptionTitle(prescription)}
          </h1>
          <p className="text-slate-700 print:hidden">{t("prescriptionPage.printIntro")}</p>
          {patient ? (
            <p>
              <span className="font-semibold">{t("prescriptionPage.printPatient")} : </span>
              {patient.name}
              {patient.birthDate ? `, ${t(`prescriptionPage.bornOn.${grammaticalSex(patient.gender)}`, { date: formatDay(patient.birthDate) })}` : null}
            </p>
          ) : null}
        </div>
        <figure className="flex flex-col items-center gap-1">
          {/* eslint-disable-next-line @next/next/no-img-element -- a data: URL drawn on the server */}
          <img src={data.qrCode} alt={t("prescriptionPage.qrAlt", { date })} width={160} height={160} />
          <figcaption className="max-w-48 text-center text-sm text-slate-700">{tv("prescriptionPage.qrHint", readerOf(frame.banner))}</figcaption>
        </figure>
      </header>
      <PrescriptionFacts prescription={prescription} />
      <PrescriptionLines lines={prescription.lines} captionId="lignes" />
      <DispensationsTable dispensations={prescription.dispensations} headingLevel={2} />
    </article>
  );
}
