import { PatientRecordPageView } from "@/components/documents/patient-record-page-view";
import { NotFoundView } from "@/components/not-found-view";
import { t } from "@/lib/i18n/messages";
import { patientRecordPageData, type PatientRecordPageData } from "@/server/documents/patient-record-page-data";
import { ABOUT_ROUTE_PATIENT, framedPage, NOT_FOUND, type FramedProps } from "@/server/pages/framed-page";

/**
 * A patient's record as this professional may see it. Served by the Pages Router without
 * runtime JavaScript, as the documents page is (src/pages/espace/documents/index.tsx says why).
 * Nothing to show (blocked, not authorised, no such patient): « Page introuvable » with a 404,
 * in the portal's frame.
 */
export const config = { unstable_runtimeJS: false };

export const getServerSideProps = framedPage<PatientRecordPageData>("practitioner", async (scope, { params, query }) => {
  const patientId = typeof params?.patientId === "string" ? params.patientId : "";
  const data = await patientRecordPageData(scope, patientId, query);
  return data ? { title: t("pro.patientDocumentsTitle", { name: data.name }), data } : NOT_FOUND;
}, ABOUT_ROUTE_PATIENT);

export default function PatientRecordPage({ data }: FramedProps<PatientRecordPageData>) {
  return data ? <PatientRecordPageView data={data} /> : <NotFoundView />;
}
