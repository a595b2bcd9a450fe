import { Alert } from "@/components/alert";
import { Button, ButtonLink } from "@/components/button";
import { PageHeader } from "@/components/page-header";
import { filtersQuery } from "@/lib/documents/document-filters";
import { t } from "@/lib/i18n/messages";
import { readerNamed, tv } from "@/lib/i18n/voice";
import type { DocumentsPageData } from "@/server/documents/documents-page-data";
import { DocumentsListView } from "./documents-list-view";
import { noticeFor } from "./notices";

/** The documents page of a space (src/pages/espace/documents/index.tsx): its title, the notice of the last action, the list. */
export function DocumentsPageView({ data, message }: { data: DocumentsPageData; message: string | null }) {
  const notice = noticeFor(message ?? undefined);
  const hasNew = data.list.items.some((item) => item.isNew);
  return (
    <div className="flex flex-col gap-6">
      <PageHeader
        title={data.spaceName !== null ? t("documents.spaceTitle", { name: data.spaceName }) : t("documents.title")}
        description={tv("documents.intro", readerNamed(data.spaceName))}
      >
        {data.canAdd ? (
          <div>
            <ButtonLink href="/espace/documents/ajouter">{t("documents.add")}</ButtonLink>
          </div>
        ) : null}
        <p>
          <a href="/espace/copie" className="text-blue-800 underline underline-offset-4 hover:text-blue-950">
            {tv("recordCopy.link", readerNamed(data.spaceName))}
          </a>
        </p>
      </PageHeader>
      {notice ? <Alert tone={notice.tone}>{notice.text}</Alert> : null}
      <DocumentsListView
        basePath="/espace/documents"
        // The list's filters go with the link, for the document's « Retour aux documents » (listQueryOf).
        hrefOf={(id) => `/espace/documents/${id}${filtersQuery(data.filters)}`}
        list={data.list}
        filters={data.filters}
        invalidFilters={data.invalidFilters}
        facets={data.facets}
        ownSpace={data.spaceName === null}
        // A success or an error takes the focus (Alert): the list's count does not take it from them.
        focusTaken={notice !== undefined && notice.tone !== "info"}
        toolbar={
          hasNew ? (
            <form method="post" action="/api/documents/vus">
              <Button type="submit" variant="quiet">
                {t("documents.markAllSeen")}
              </Button>
            </form>
          ) : undefined
        }
      />
    </div>
  );
}
