import type { GetServerSideProps } from "next";
import { PatientRecordPageView } from "@/components/documents/patient-record-page-view";
import { NotFoundView } from "@/components/not-found-view";
import { t } from "@/lib/i18n/messages";
import { patientRecordPageData, type PatientRecordPageData } from "@/server/documents/patient-record-page-data";
import { jsonProps } from "@/server/pages/json-props";
import { pageScope } from "@/server/pages/page-scope";
import type { FramedProps } from "../../_app";

/**
 * A patient's record as this professional may see it. Served by the Pages Router without
 * runtime JavaScript, as the documents page is (src/pages/espace/documents.tsx says why).
 * Nothing to show (blocked, not authorised, no such patient): « Page introuvable » with a 404,
 * in the portal's frame.
 */
export const config = { unstable_runtimeJS: false };

type Props = FramedProps & { data: PatientRecordPageData | null };

export const getServerSideProps: GetServerSideProps<Props> = async ({ req, res, params, query }) => {
  const scoped = await pageScope(req, "practitioner");
  if ("redirect" in scoped) return scoped;
  const patientId = typeof params?.patientId === "string" ? params.patientId : "";
  const data = await patientRecordPageData(scoped.scope, patientId, query);
  if (!data) {
    res.statusCode = 404;
    return { props: { frame: scoped.frame, title: t("errors.notFoundTitle"), data: null } };
  }
  return { props: jsonProps({ frame: scoped.frame, title: t("pro.patientsTitle"), data }) };
};

export default function PatientRecordPage({ data }: Props) {
  return data ? <PatientRecordPageView data={data} /> : <NotFoundView />;
}
