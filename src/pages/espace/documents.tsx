import type { GetServerSideProps } from "next";
import { DocumentsPageView } from "@/components/documents/documents-page-view";
import { t } from "@/lib/i18n/messages";
import { documentsPageData, type DocumentsPageData } from "@/server/documents/documents-page-data";
import { jsonProps } from "@/server/pages/json-props";
import { pageScope } from "@/server/pages/page-scope";
import type { FramedProps } from "../_app";

/**
 * The documents of the space the person acts in: the portal's busiest page. Served by the Pages
 * Router without any runtime JavaScript, which the App Router cannot do: the same page cost
 * 23.3 ms of server CPU and 176 kB of JavaScript there, against 12.9 ms and none here
 * (scripts/bench/measured/pages-2026-12-02.txt). It needs no script: links and GET/POST forms.
 */
export const config = { unstable_runtimeJS: false };

type Props = FramedProps & { data: DocumentsPageData; message: string | null };

export const getServerSideProps: GetServerSideProps<Props> = async ({ req, query }) => {
  const scoped = await pageScope(req, "patient");
  if ("redirect" in scoped) return scoped;
  const data = await documentsPageData(scoped.scope, query);
  const title = data.spaceName !== null ? t("documents.spaceTitle", { name: data.spaceName }) : t("documents.title");
  const message = typeof query.message === "string" ? query.message : null;
  return { props: jsonProps({ frame: scoped.frame, title, data, message }) };
};

export default function DocumentsPage({ data, message }: Props) {
  return <DocumentsPageView data={data} message={message} />;
}
