import { Alert } from "@/components/alert";
import { BackToPatients } from "@/components/documents/back-to-patients";
import { RecordTabs } from "@/components/documents/record-tabs";
import { PageHeader } from "@/components/page-header";
import { t, tn } from "@/lib/i18n/messages";
import { readerNamed } from "@/lib/i18n/voice";
import type { ProPreventionPageData } from "@/server/prevention/pro-prevention-page-data";
import type { PreventionItem } from "@/server/prevention/types";
import { ItemSection } from "./item-section";
import { bilanDate } from "@/lib/prevention/bilan-date";

/**
 * A patient's prevention calendar as a professional they authorise sees it
 * (src/pages/pro/patients/[patientId]/prevention.tsx): what to do now, soon, and what is up to
 * date, each with its reason, read-only (« C'est fait » and the reminders are the patient's).
 */
export function ProPreventionPageView({ data }: { data: ProPreventionPageData }) {
  const list = (title: string, id: string, items: PreventionItem[], empty: string) => (
    <ItemSection title={title} id={id} items={items} empty={empty} today={data.date} canWrite={false} reader={readerNamed(data.name)} />
  );
  return (
    <div className="flex flex-col gap-6">
      <BackToPatients />
      <PageHeader title={t("pro.preventionTitle", { name: data.name })} description={data.groups ? t("pro.preventionIntro") : undefined} />
      <RecordTabs patientId={data.patientId} name={data.name} current="prevention" prevention />
      {data.groups === null ? <Alert tone="info">{t("pro.preventionEmergency")}</Alert> : null}
      {data.noBirthDate ? <Alert tone="info">{t("prevention.noBirthDate")}</Alert> : null}
      {data.groups ? (
        <>
          {list(t("prevention.groups.now"), "now-title", data.groups.now, t("prevention.groups.nowEmptyPro"))}
          {list(t("prevention.groups.soon"), "soon-title", data.groups.soon, t("prevention.groups.soonEmpty"))}
          {list(t("prevention.groups.upToDate"), "done-title", data.groups.upToDate, t("prevention.groups.upToDateEmpty"))}
          <section aria-labelledby="bilans-title" className="flex flex-col gap-2">
            <h2 id="bilans-title" className="text-xl font-semibold">
              {t("prevention.bilan.proSharedTitle")}
            </h2>
            <p className="max-w-prose">{t("prevention.bilan.proSharedIntro")}</p>
            {data.bilans.length === 0 ? (
              <p>{t("prevention.bilan.proSharedEmpty")}</p>
            ) : (
              <ul className="flex flex-col gap-1">
                {data.bilans.map((bilan) => (
                  <li key={bilan.id}>
                    <a href={`/pro/patients/${data.patientId}/bilan/${bilan.id}`} className="underline underline-offset-4">
                      {tn("prevention.bilan.proSharedLine", bilan.answers, { date: bilanDate(bilan.authored) })}
                    </a>
                  </li>
                ))}
              </ul>
            )}
          </section>
        </>
      ) : null}
    </div>
  );
}
