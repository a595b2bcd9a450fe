import Link from "next/link";
import { filtersQuery, type DocumentFilters } from "@/lib/documents/document-filters";
import { t } from "@/lib/i18n/messages";

/** Previous / next links that keep the filters; plain links, so paging works without JavaScript. */
export function Pagination({ basePath, filters, page, pageCount }: { basePath: string; filters: DocumentFilters; page: number; pageCount: number }) {
  if (pageCount <= 1) return null;
  return (
    <nav aria-label={t("documents.pagination")} className="flex flex-wrap items-center justify-between gap-3">
      {page > 1 ? (
        <Link href={`${basePath}${filtersQuery(filters, { page: page - 1 })}`} rel="prev" className="font-semibold">
          ← {t("documents.previous")}
        </Link>
      ) : (
        <span />
      )}
      <p>{t("documents.pageOf", { page, pages: pageCount })}</p>
      {page < pageCount ? (
        <Link href={`${basePath}${filtersQuery(filters, { page: page + 1 })}`} rel="next" className="font-semibold">
          {t("documents.next")} →
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}
