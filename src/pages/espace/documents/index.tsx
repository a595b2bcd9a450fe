import { DocumentsPageView } from "@/components/documents/documents-page-view";
import { NotFoundView } from "@/components/not-found-view";
import { OutOfReachView } from "@/components/out-of-reach-view";
import { t } from "@/lib/i18n/messages";
import { reachesPart } from "@/server/delegations/space-parts";
import { documentsPageData, type DocumentsPageData } from "@/server/documents/documents-page-data";
import { framedPage, READS_OWN_RULES, type FramedProps } from "@/server/pages/framed-page";

/**
 * The documents of the space the person acts in: the portal's busiest page. Served by the Pages
 * Router without any runtime JavaScript, which the App Router cannot do: the same page cost
 * 23.3 ms of server CPU and 176 kB of JavaScript there, against 12.9 ms and none here
 * (scripts/bench/measured/pages-2026-12-02.txt). It needs no script: links and GET/POST forms.
 */
export const config = { unstable_runtimeJS: false };

type Data = (DocumentsPageData & { message: string | null }) | { outOfReach: "documents" };

export const getServerSideProps = framedPage<Data>("patient", async (scope, { query }) => {
  // A caregiver whose delegation does not include the documents: the page says so, not « Aucun document ».
  if (!(await reachesPart(scope.repo, "documents"))) return { title: t("sections.documents.title"), data: { outOfReach: "documents" } };
  const data = await documentsPageData(scope, query);
  const title = data.spaceName !== null ? t("documents.spaceTitle", { name: data.spaceName }) : t("documents.title");
  return { title, data: { ...data, message: typeof query.message === "string" ? query.message : null } };
}, READS_OWN_RULES);

export default function DocumentsPage({ data }: FramedProps<Data>) {
  if (!data) return <NotFoundView />;
  if ("outOfReach" in data) return <OutOfReachView title={t("sections.documents.title")} part={data.outOfReach} />;
  return <DocumentsPageView data={data} message={data.message} />;
}
