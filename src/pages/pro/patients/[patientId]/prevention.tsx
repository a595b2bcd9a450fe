import { NotFoundView } from "@/components/not-found-view";
import { ProPreventionPageView } from "@/components/prevention/pro-prevention-page-view";
import { t } from "@/lib/i18n/messages";
import { ABOUT_ROUTE_PATIENT, framedPage, NOT_FOUND, type FramedProps } from "@/server/pages/framed-page";
import { proPreventionPageData, type ProPreventionPageData } from "@/server/prevention/pro-prevention-page-data";

/**
 * A patient's prevention calendar, as a professional they authorise sees it: the record's second
 * tab. Served by the Pages Router without runtime JavaScript, as the record is. Nothing to show
 * (blocked, not authorised, no such patient): « Page introuvable » with a 404, in the portal's frame.
 */
export const config = { unstable_runtimeJS: false };

export const getServerSideProps = framedPage<ProPreventionPageData>("practitioner", async (scope, { params }) => {
  const patientId = typeof params?.patientId === "string" ? params.patientId : "";
  const data = await proPreventionPageData(scope, patientId);
  return data ? { title: t("pro.preventionTitle", { name: data.name }), data } : NOT_FOUND;
}, ABOUT_ROUTE_PATIENT);

export default function ProPreventionPage({ data }: FramedProps<ProPreventionPageData>) {
  return data ? <ProPreventionPageView data={data} /> : <NotFoundView />;
}
