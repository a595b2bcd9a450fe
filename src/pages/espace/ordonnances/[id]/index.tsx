import { Alert } from "@/components/alert";
import { ButtonLink } from "@/components/button";
import { NotFoundView } from "@/components/not-found-view";
import { PageHeader } from "@/components/page-header";
import { DispensationsTable } from "@/components/prescriptions/dispensations-table";
import { LinksList } from "@/components/prescriptions/links-list";
import { prescriptionNotice } from "@/components/prescriptions/notices";
import { PrescriptionFacts, StateBadge, prescriptionTitle } from "@/components/prescriptions/prescription-facts";
import { PrescriptionLines } from "@/components/prescriptions/prescription-lines";
import { ShareForm } from "@/components/prescriptions/share-form";
import { t } from "@/lib/i18n/messages";
import { framedPage, NOT_FOUND, type FramedProps } from "@/server/pages/framed-page";
import { prescriptionPageData, type PrescriptionPageData } from "@/server/prescriptions/prescription-page-data";

/** Served without runtime JavaScript, as the documents page is (src/pages/espace/documents/index.tsx says why). */
export const config = { unstable_runtimeJS: false };

type Data = PrescriptionPageData & { message: string | null };

export const getServerSideProps = framedPage<Data>("patient", async (scope, { params, query }) => {
  const detail = await prescriptionPageData(scope, typeof params?.id === "string" ? params.id : "");
  return detail ? { title: prescriptionTitle(detail.prescription), data: { ...detail, message: typeof query.message === "string" ? query.message : null } } : NOT_FOUND;
});

/** One prescription: its medicines and dispensations, print and PDF, "send to a pharmacy" and its links. */
export default function PrescriptionPage({ data }: FramedProps<Data>) {
  if (!data) return <NotFoundView />;
  const { prescription } = data;
  const notice = prescriptionNotice(data.message ?? undefined);
  const base = `/espace/ordonnances/${encodeURIComponent(prescription.id)}`;
  return (
    <div className="flex flex-col gap-6">
      <p>
        <a href="/espace/ordonnances" className="font-semibold">
          ← {t("prescriptionPage.back")}
        </a>
      </p>
      <PageHeader title={prescriptionTitle(prescription)}>
        <p>
          <StateBadge state={prescription.state} />
        </p>
      </PageHeader>
      {notice ? <Alert tone={notice.tone}>{notice.text}</Alert> : null}
      <PrescriptionFacts prescription={prescription} />
      <PrescriptionLines lines={prescription.lines} captionId="lignes" />
      <DispensationsTable dispensations={prescription.dispensations} headingLevel={2} />
      <div className="flex flex-wrap gap-3">
        <ButtonLink href={`${base}/imprimer`} variant="secondary">
          {t("prescriptionPage.print")}
        </ButtonLink>
        <a href={`/api/ordonnances/${encodeURIComponent(prescription.id)}/pdf`} className="inline-flex items-center justify-center gap-2 rounded-md border border-blue-800 bg-white px-4 py-2 text-base font-semibold text-blue-800 hover:bg-blue-50" download>
          {t("prescriptionPage.pdf")}
        </a>
      </div>
      {data.mayShare ? (
        prescription.state === "active" ? (
          <ShareForm prescription={prescription} now={data.now} />
        ) : (
          <p className="text-slate-700">{t("share.notShareable")}</p>
        )
      ) : null}
      {data.links ? <LinksList prescriptionId={prescription.id} links={data.links} /> : null}
    </div>
  );
}
