import type { ReactNode } from "react";
import { Alert } from "@/components/alert";
import { filtersQuery, MAX_PAGE, PAGE_SIZE, type DocumentFilters } from "@/lib/documents/document-filters";
import { t, tn } from "@/lib/i18n/messages";
import type { FacetOption } from "@/server/documents/list-document-facets";
import type { DocumentList } from "@/server/documents/list-documents";
import { DocumentFiltersForm } from "./document-filters-form";
import { DocumentTable } from "./document-table";
import { Pagination } from "./pagination";

/** « 12 documents », or « Plus de 1 000 documents » when the count stopped at its bound (list-documents.ts). */
export function countLabel(total: number, capped = false): string {
  if (capped) return t("documents.resultsCountMore", { count: total.toLocaleString("fr-FR") });
  if (total === 0) return t("documents.resultsCountNone");
  return tn("documents.resultsCount", total);
}

const isFiltered = (f: DocumentFilters) => Boolean(f.category || f.author || f.facility || f.from || f.to || f.text);

/**
 * The list opened as the answer to its filters form or a pager link (filters or a page in the
 * URL, even ones refused): the page reloads, and without this the focus went back to its top,
 * the count unread, a keyboard or screen-reader user left to find the results again. The count
 * takes the focus, as the sharing page's search results do (professional-search.tsx); a refused
 * filter's notice takes it instead, or the count would be read as that of the filters asked for.
 * A notice above (`focusTaken`) keeps it. Opened plainly, the page starts at its top.
 */
function focusOf(filters: DocumentFilters, invalidFilters: boolean, focusTaken: boolean): "count" | "invalid" | null {
  if (focusTaken || !(isFiltered(filters) || filters.page > 1 || invalidFilters)) return null;
  return invalidFilters ? "invalid" : "count";
}

/** The body of a documents list, shared by the patient's space and the professional's view of a record. */
export function DocumentsListView({
  basePath,
  hrefOf,
  list,
  filters,
  invalidFilters,
  facets,
  toolbar,
  ownSpace = false,
  focusTaken = false,
}: {
  basePath: string;
  hrefOf: (id: string) => string;
  list: DocumentList;
  filters: DocumentFilters;
  invalidFilters: boolean;
  facets: { authors: FacetOption[]; facilities: FacetOption[] };
  toolbar?: ReactNode;
  /** The patient in her own space: the filter names her own documents « Mes documents ». */
  ownSpace?: boolean;
  /** A notice above the list has the focus (Alert): the list leaves it there. */
  focusTaken?: boolean;
}) {
  const focus = focusOf(filters, invalidFilters, focusTaken);
  // Counted exactly (not « plus de 1 000 »), the list has documents, and this page is past them.
  const pastLastPage = list.items.length === 0 && list.total > 0 && !list.totalCapped && list.page > list.pageCount;
  return (
    <div className="flex flex-col gap-6">
      {invalidFilters ? (
        <Alert tone="info" takesFocus={focus === "invalid"}>
          {t("documents.invalidFilters")}
        </Alert>
      ) : null}
      <DocumentFiltersForm action={basePath} filters={filters} authors={facets.authors} facilities={facets.facilities} ownSpace={ownSpace} />
      <section aria-labelledby="results-title" className="flex flex-col gap-4">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <h2 id="results-title" tabIndex={focus === "count" ? -1 : undefined} autoFocus={focus === "count"} className="text-xl font-semibold" aria-live="polite">
            {countLabel(list.total, list.totalCapped)}
          </h2>
          {toolbar}
        </div>
        {list.items.length > 0 ? (
          <DocumentTable documents={list.items} hrefOf={hrefOf} showPrivacy={list.showPrivacy} />
        ) : pastLastPage ? (
          // A page past the last (an old bookmark, a document hidden or deleted since): it read
          // « 27 documents », « Aucun document ne correspond à ces critères » and « Page 99 sur 2 »,
          // its previous page as empty as itself. Say where the list ends, and link to its last page.
          <p className="text-slate-700">
            {tn("documents.pastLastPage", list.pageCount)}{" "}
            <a href={`${basePath}${filtersQuery(filters, { page: list.pageCount })}`} className="font-semibold">
              {t("documents.toLastPage")}
            </a>
          </p>
        ) : (
          <p className="text-slate-700">
            {/* « Du » after « Au » finds nothing by construction: say why, not that nothing matched (found in the browser). */}
            {filters.from && filters.to && filters.from > filters.to ? t("documents.datesReversed") : isFiltered(filters) || list.total > 0 ? t("documents.noResults") : t("documents.empty")}
          </p>
        )}
        {pastLastPage ? null : <Pagination basePath={basePath} filters={filters} page={list.page} pageCount={list.pageCount} morePages={list.totalCapped && list.pageCount < MAX_PAGE} />}
        {list.total > MAX_PAGE * PAGE_SIZE || (list.totalCapped && list.total >= MAX_PAGE * PAGE_SIZE) ? (
          // The store pages by offset up to 10,000 rows: say so, and how to reach the older ones.
          <p className="text-slate-700">{t("documents.beyondPages", { shown: (MAX_PAGE * PAGE_SIZE).toLocaleString("fr-FR") })}</p>
        ) : null}
      </section>
    </div>
  );
}
