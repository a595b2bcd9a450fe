import { ButtonLink } from "@/components/button";
import { PatientRecordPageView } from "@/components/documents/patient-record-page-view";
import { NotFoundView } from "@/components/not-found-view";
import { PageHeader } from "@/components/page-header";
import { formatTime } from "@/lib/documents/format";
import { t } from "@/lib/i18n/messages";
import { patientRecordPageData, type PatientRecordPageData } from "@/server/documents/patient-record-page-data";
import { ABOUT_ROUTE_PATIENT, framedPage, NOT_FOUND, type FramedProps } from "@/server/pages/framed-page";
import type { Json } from "@/server/pages/json-props";

/**
 * A patient's record as this professional may see it. Served by the Pages Router without
 * runtime JavaScript, as the documents page is (src/pages/espace/documents/index.tsx says why).
 * Nothing to show (blocked, not authorised, no such patient): « Page introuvable » with a 404,
 * in the portal's frame. The record this very session opened by emergency access, once the hour
 * is over: that it ended, and when (the physician knows the patient exists; « Page introuvable »
 * left her wondering what went wrong, found walking her journey).
 */
export const config = { unstable_runtimeJS: false };

/** `byYou`: she ended it herself (/pro/urgence/terminer sends her here so); otherwise its hour was over. */
type EmergencyEnded = { emergencyEndedAt: Date; byYou: boolean };

export const getServerSideProps = framedPage<PatientRecordPageData | EmergencyEnded>("practitioner", async (scope, { params, query }) => {
  const patientId = typeof params?.patientId === "string" ? params.patientId : "";
  const data = await patientRecordPageData(scope, patientId, query);
  if (data) return { title: t("pro.patientDocumentsTitle", { name: data.name }), data };
  const ended = scope.session.emergencyEnded;
  return ended?.patientId === patientId ? { title: t("pro.emergencyEndedTitle"), data: { emergencyEndedAt: ended.until, byYou: query.urgence === "terminee" } } : NOT_FOUND;
}, ABOUT_ROUTE_PATIENT);

export default function PatientRecordPage({ data }: FramedProps<PatientRecordPageData | EmergencyEnded>) {
  if (!data) return <NotFoundView />;
  return "emergencyEndedAt" in data ? <EmergencyEndedView ended={data} /> : <PatientRecordPageView data={data} />;
}

function EmergencyEndedView({ ended }: { ended: Json<EmergencyEnded> }) {
  return (
    <div className="flex max-w-prose flex-col gap-6">
      <p>
        <a href="/pro" className="font-semibold">
          ← {t("pro.backToPatients")}
        </a>
      </p>
      <PageHeader title={t("pro.emergencyEndedTitle")} description={t(ended.byYou ? "pro.emergencyEndedByYou" : "pro.emergencyEnded", { time: formatTime(ended.emergencyEndedAt) })} />
      <div>
        <ButtonLink href="/pro/urgence" variant="secondary">
          {t("pro.emergencyAgain")}
        </ButtonLink>
      </div>
    </div>
  );
}
