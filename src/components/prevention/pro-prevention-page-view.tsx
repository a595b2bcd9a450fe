import { Alert } from "@/components/alert";
import { RecordTabs } from "@/components/documents/record-tabs";
import { PageHeader } from "@/components/page-header";
import { t } from "@/lib/i18n/messages";
import type { ProPreventionPageData } from "@/server/prevention/pro-prevention-page-data";
import type { PreventionItem } from "@/server/prevention/types";
import { ItemCard } from "./item-card";

/**
 * A patient's prevention calendar as a professional they authorise sees it
 * (src/pages/pro/patients/[patientId]/prevention.tsx): what to do now, soon, and what is up to
 * date, each with its reason, read-only (« C'est fait » and the reminders are the patient's).
 */
export function ProPreventionPageView({ data }: { data: ProPreventionPageData }) {
  const list = (title: string, id: string, entries: PreventionItem[], empty: string) => (
    <section aria-labelledby={id} className="flex flex-col gap-4">
      <h2 id={id} className="text-xl font-semibold">
        {title}
      </h2>
      {entries.length === 0 ? <p className="text-slate-700">{empty}</p> : null}
      <ul className="flex flex-col gap-4">
        {entries.map((item) => (
          <ItemCard key={item.item} item={item} today={data.date} silenced={false} canWrite={false} />
        ))}
      </ul>
    </section>
  );
  return (
    <div className="flex flex-col gap-6">
      <p>
        <a href="/pro" className="font-semibold">
          ← {t("pro.backToPatients")}
        </a>
      </p>
      <PageHeader title={t("pro.preventionTitle", { name: data.name })} description={data.groups ? t("pro.preventionIntro") : undefined} />
      <RecordTabs patientId={data.patientId} name={data.name} current="prevention" prevention />
      {data.groups === null ? <Alert tone="info">{t("pro.preventionEmergency")}</Alert> : null}
      {data.noBirthDate ? <Alert tone="info">Le calendrier ne peut pas être calculé : la date de naissance complète manque au dossier.</Alert> : null}
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
