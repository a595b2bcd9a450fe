import { NotFoundView } from "@/components/not-found-view";
import { OutOfReachView } from "@/components/out-of-reach-view";
import { PageHeader } from "@/components/page-header";
import { VaccinationTable } from "@/components/prevention/vaccination-table";
import { t } from "@/lib/i18n/messages";
import { framedPage, type FramedProps } from "@/server/pages/framed-page";
import { vaccinationCertificatePageData, type VaccinationCertificatePageData } from "@/server/prevention/vaccination-certificate-page-data";

/**
 * Served without runtime JavaScript, as the documents page is (src/pages/espace/documents/index.tsx
 * says why): a page to print, with the browser's own Print.
 */
export const config = { unstable_runtimeJS: false };

export const getServerSideProps = framedPage<VaccinationCertificatePageData>("patient", async (scope) => ({
  title: t("prevention.certificate.title"),
  data: await vaccinationCertificatePageData(scope),
}));

/** A printable list of the person's vaccinations, with the same certificate as a PDF file to download. */
export default function VaccinationCertificatePage({ data }: FramedProps<VaccinationCertificatePageData>) {
  if (!data) return <NotFoundView />;
  if ("outOfReach" in data) {
    return (
      <div className="flex flex-col gap-6">
        <OutOfReachView title={t("prevention.certificate.title")} part={data.outOfReach} />
        <p className="max-w-prose">{t("prevention.vaccinationsOutOfReach")}</p>
      </div>
    );
  }
  return (
    <article className="flex flex-col gap-6">
      <PageHeader title={t("prevention.certificate.title")} description={t("prevention.certificate.intro")} />
      {/* A file to send by e-mail, where the browser's Print makes paper (vaccination-certificate-pdf.ts). */}
      <p>
        <a href="/api/prevention/certificat-vaccination" download className="font-semibold text-blue-800 underline underline-offset-4">
          {t("prevention.certificate.download")}
        </a>
      </p>
      <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1">
        <dt className="font-semibold">{t("prevention.certificate.name")}</dt>
        <dd>{data.name}</dd>
        <dt className="font-semibold">{t("prevention.certificate.birth")}</dt>
        <dd>{data.birth}</dd>
        <dt className="font-semibold">{t("prevention.certificate.issued")}</dt>
        <dd>{data.issued}</dd>
      </dl>
      <VaccinationTable immunizations={data.immunizations} caption={t("prevention.certificate.tableCaption")} />
      <p className="text-sm text-slate-700">
        {t("prevention.certificate.note")}
      </p>
    </article>
  );
}
