import { DocumentDetailView } from "@/components/documents/document-detail-view";
import { noticeFor } from "@/components/documents/notices";
import { NotFoundView } from "@/components/not-found-view";
import { listQueryOf, openedFromConversation } from "@/lib/documents/document-filters";
import { t } from "@/lib/i18n/messages";
import { spaceOf } from "@/server/access/actor";
import { documentPageData } from "@/server/documents/document-page-data";
import type { DocumentDetail } from "@/server/documents/get-document";
import { ABOUT_ROUTE_DOCUMENT, framedPage, READS_OWN_RULES, NOT_FOUND, type FramedProps } from "@/server/pages/framed-page";
import { readerOf } from "@/lib/i18n/voice";

/** Served without runtime JavaScript, as the documents page is (src/pages/espace/documents/index.tsx says why). */
export const config = { unstable_runtimeJS: false };

/**
 * `listQuery`: the filters of the list the document was opened from, checked (listQueryOf), for
 * the way back to it; `conversation`: the conversation whose attachment opened it, checked
 * (openedFromConversation), whose page the way back leads to instead.
 */
type Data = { detail: DocumentDetail; message: string | null; listQuery: string; conversation: string | null };

export const getServerSideProps = framedPage<Data>("patient", async (scope, { params, query }) => {
  const detail = await documentPageData(scope, typeof params?.id === "string" ? params.id : "", spaceOf(scope.actor));
  return detail ? { title: detail.summary.title || t("documents.untitled"), data: { detail, message: typeof query.message === "string" ? query.message : null, listQuery: listQueryOf(query), conversation: openedFromConversation(query) ?? null } } : NOT_FOUND;
}, { ...ABOUT_ROUTE_DOCUMENT, ...READS_OWN_RULES });

/** One document of the space: metadata, the file inline, who viewed it, the patient's privacy choices. */
export default function DocumentPage({ frame, data }: FramedProps<Data>) {
  if (!data) return <NotFoundView />;
  const back = data.conversation ? { href: `/espace/messages/${data.conversation}`, label: t("documentPage.backToConversation") } : { href: `/espace/documents${data.listQuery}`, label: t("documentPage.back") };
  return <DocumentDetailView detail={data.detail} backHref={back.href} backLabel={back.label} notice={noticeFor(data.message ?? undefined)} reader={readerOf(frame.banner)} listQuery={data.listQuery} />;
}
