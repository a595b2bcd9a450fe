import { Pager } from "@/components/pager";
import { filtersQuery, type DocumentFilters } from "@/lib/documents/document-filters";
import { t } from "@/lib/i18n/messages";

/** Previous / next links that keep the filters; plain links, so paging works without JavaScript. */
export function Pagination({
  basePath,
  filters,
  page,
  pageCount,
  morePages,
}: {
  basePath: string;
  filters: DocumentFilters;
  page: number;
  pageCount: number;
  morePages: boolean;
}) {
  return (
    <Pager
      label={t("documents.pagination")}
      page={page}
      pageCount={pageCount}
      morePages={morePages}
      hrefFor={(target) => `${basePath}${filtersQuery(filters, { page: target })}`}
    />
  );
}
