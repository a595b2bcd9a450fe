import { t } from "@/lib/i18n/messages";

/**
 * Previous / next links and "Page N sur M" for a paged list (documents, the sharing page's
 * professionals). `hrefFor` builds a page's address, keeping whatever else the list's URL holds;
 * plain links, so paging works without JavaScript. `morePages`: the list was counted only so far
 * and goes on past `pageCount` (« Page 1 sur plus de 50 », and a next page).
 */
export function Pager({
  label,
  page,
  pageCount,
  morePages = false,
  hrefFor,
}: {
  label: string;
  page: number;
  pageCount: number;
  morePages?: boolean;
  hrefFor: (page: number) => string;
}) {
  if (pageCount <= 1 && !morePages) return null;
  return (
    <nav aria-label={label} className="flex flex-wrap items-center justify-between gap-3">
      {page > 1 ? (
        <a href={hrefFor(page - 1)} rel="prev" className="font-semibold">
          ← {t("documents.previous")}
        </a>
      ) : (
        <span />
      )}
      <p>{t(morePages ? "documents.pageOfMore" : "documents.pageOf", { page, pages: pageCount })}</p>
      {page < pageCount || morePages ? (
        <a href={hrefFor(page + 1)} rel="next" className="font-semibold">
          {t("documents.next")} →
        </a>
      ) : (
        <span />
      )}
    </nav>
  );
}
