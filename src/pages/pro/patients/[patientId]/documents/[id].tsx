import { DocumentDetailView } from "@/components/documents/document-detail-view";
import { noticeFor } from "@/components/documents/notices";
import { NotFoundView } from "@/components/not-found-view";
import { listQueryOf, openedFromConversation } from "@/lib/documents/document-filters";
import { t } from "@/lib/i18n/messages";
import { documentPageData } from "@/server/documents/document-page-data";
import type { DocumentDetail } from "@/server/documents/get-document";
import { ABOUT_ROUTE_PATIENT, framedPage, NOT_FOUND, type FramedProps } from "@/server/pages/framed-page";

/** Served without runtime JavaScript, as the documents page is (src/pages/espace/documents/index.tsx says why). */
export const config = { unstable_runtimeJS: false };

/** `listQuery`: the filters of the patient's list the document was opened from, checked (listQueryOf), for the way back to it. */
type Data = { detail: DocumentDetail; patientId: string; message: string | null; listQuery: string; conversation: string | null };

export const getServerSideProps = framedPage<Data>("practitioner", async (scope, { params, query }) => {
  const patientId = typeof params?.patientId === "string" ? params.patientId : "";
  const detail = await documentPageData(scope, typeof params?.id === "string" ? params.id : "", patientId);
  return detail ? { title: detail.summary.title || t("documents.untitled"), data: { detail, patientId, message: typeof query.message === "string" ? query.message : null, listQuery: listQueryOf(query), conversation: openedFromConversation(query) ?? null } } : NOT_FOUND;
}, ABOUT_ROUTE_PATIENT);

/** One document of a patient, for a professional the patient's rules let in (404 otherwise). */
export default function ProDocumentPage({ data }: FramedProps<Data>) {
  if (!data) return <NotFoundView />;
  const back = data.conversation ? { href: `/pro/messages/${data.conversation}`, label: t("documentPage.backToConversation") } : { href: `/pro/patients/${data.patientId}${data.listQuery}`, label: t("documentPage.back") };
  return <DocumentDetailView detail={data.detail} backHref={back.href} backLabel={back.label} notice={noticeFor(data.message ?? undefined)} />;
}
