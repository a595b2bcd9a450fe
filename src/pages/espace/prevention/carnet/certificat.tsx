import { NotFoundView } from "@/components/not-found-view";
import { OutOfReachView } from "@/components/out-of-reach-view";
import { PageHeader } from "@/components/page-header";
import { VACCINATIONS_OUT_OF_REACH } from "@/components/prevention/texts";
import { VaccinationTable } from "@/components/prevention/vaccination-table";
import { framedPage, type FramedProps } from "@/server/pages/framed-page";
import { vaccinationCertificatePageData, type VaccinationCertificatePageData } from "@/server/prevention/vaccination-certificate-page-data";

/**
 * Served without runtime JavaScript, as the documents page is (src/pages/espace/documents/index.tsx
 * says why): a page to print, with the browser's own Print.
 */
export const config = { unstable_runtimeJS: false };

export const getServerSideProps = framedPage<VaccinationCertificatePageData>("patient", async (scope) => ({
  title: "Certificat de vaccination",
  data: await vaccinationCertificatePageData(scope),
}));

/** A printable list of the person's vaccinations (the browser's Print turns it into paper or PDF). */
export default function VaccinationCertificatePage({ data }: FramedProps<VaccinationCertificatePageData>) {
  if (!data) return <NotFoundView />;
  if ("outOfReach" in data) {
    return (
      <div className="flex flex-col gap-6">
        <OutOfReachView title="Certificat de vaccination" part={data.outOfReach} />
        <p className="max-w-prose">{VACCINATIONS_OUT_OF_REACH}</p>
      </div>
    );
  }
  return (
    <article className="flex flex-col gap-6">
      <PageHeader title="Certificat de vaccination" description="Relevé des vaccinations enregistrées dans Espace santé. Pour l'imprimer ou l'enregistrer en PDF, utilisez la fonction Imprimer de votre navigateur." />
      <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1">
        <dt className="font-semibold">Nom</dt>
        <dd>{data.name}</dd>
        <dt className="font-semibold">Date de naissance</dt>
        <dd>{data.birth}</dd>
        <dt className="font-semibold">Édité le</dt>
        <dd>{data.issued}</dd>
      </dl>
      <VaccinationTable immunizations={data.immunizations} caption="Vaccinations" />
      <p className="text-sm text-slate-700">
        Les vaccinations « déclarées » ont été saisies par la personne ou son représentant ; les autres ont été enregistrées par un professionnel de santé. Ce relevé ne remplace pas un certificat signé par un médecin.
      </p>
    </article>
  );
}
