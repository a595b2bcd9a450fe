import { Alert } from "@/components/alert";
import { BackToPatients } from "@/components/documents/back-to-patients";
import { RecordTabs } from "@/components/documents/record-tabs";
import { PageHeader } from "@/components/page-header";
import { t } from "@/lib/i18n/messages";
import type { ProPreventionPageData } from "@/server/prevention/pro-prevention-page-data";
import type { PreventionItem } from "@/server/prevention/types";
import { ItemSection } from "./item-section";
import { NO_BIRTH_DATE } from "./texts";

/**
 * A patient's prevention calendar as a professional they authorise sees it
 * (src/pages/pro/patients/[patientId]/prevention.tsx): what to do now, soon, and what is up to
 * date, each with its reason, read-only (« C'est fait » and the reminders are the patient's).
 */
export function ProPreventionPageView({ data }: { data: ProPreventionPageData }) {
  const list = (title: string, id: string, items: PreventionItem[], empty: string) => (
    <ItemSection title={title} id={id} items={items} empty={empty} today={data.date} canWrite={false} />
  );
  return (
    <div className="flex flex-col gap-6">
      <BackToPatients />
      <PageHeader title={t("pro.preventionTitle", { name: data.name })} description={data.groups ? t("pro.preventionIntro") : undefined} />
      <RecordTabs patientId={data.patientId} name={data.name} current="prevention" prevention />
      {data.groups === null ? <Alert tone="info">{t("pro.preventionEmergency")}</Alert> : null}
      {data.noBirthDate ? <Alert tone="info">{NO_BIRTH_DATE}</Alert> : null}
      {data.groups ? (
        <>
          {list("À faire maintenant", "now-title", data.groups.now, "Aucune vaccination ni aucun dépistage à faire d'après le dossier.")}
          {list("Bientôt", "soon-title", data.groups.soon, "Rien de prévu dans les douze prochains mois.")}
          {list("À jour", "done-title", data.groups.upToDate, "Rien d'enregistré pour le moment.")}
        </>
      ) : null}
    </div>
  );
}
