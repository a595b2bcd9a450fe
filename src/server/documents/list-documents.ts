import "@/server/server-only";
import type { DocumentReference } from "@medplum/fhirtypes";
import { spanInstants } from "@/lib/dates/fhir-date";
import { COUNTED_AHEAD, MAX_PAGE, PAGE_SIZE, type DocumentFilters } from "@/lib/documents/document-filters";
import { documentsOpenedBy } from "../audit/read-audit";
import type { Repository } from "../fhir/repository";
import type { DateFilter, DocumentFacetRefs, SearchRequest } from "../fhir/search-request";
import { directoryNames } from "./directory-names";
import { summarise, type DocumentSummary } from "./document-summary";
import { mayManagePrivacy } from "./privacy-rights";

export type DocumentList = {
  items: DocumentSummary[];
  /** The documents found, or, when `totalCapped`, how many were counted: there are more. */
  total: number;
  /** The count stopped at COUNTED_AHEAD documents past the page's first: the list has more than `total`. */
  totalCapped: boolean;
  page: number;
  /** The pages `total` fills; when `totalCapped`, more follow (up to MAX_PAGE). */
  pageCount: number;
  /** Whether the viewer may see and change the patient's privacy choices (hidden badges). */
  showPrivacy: boolean;
};

/** The date range of the filters, as the store's date parameters: Paris days, both ends included. */
function dateFilters(filters: DocumentFilters): DateFilter[] {
  const result: DateFilter[] = [];
  if (filters.from) result.push({ prefix: "ge", ...spanInstants({ first: filters.from, last: filters.from }) });
  if (filters.to) result.push({ prefix: "le", ...spanInstants({ first: filters.to, last: filters.to }) });
  return result;
}

export type ListOptions = {
  /** Since when a document is new for this viewer (their last visit), if the page marks new ones. */
  newSince?: Date | Promise<Date | undefined>;
  /** Who views the list: a document they opened since it arrived is no longer new. */
  viewerRef?: string;
};

/** A page of documents, and, when asked for, the filters' choices (references) and every name the directory gave. */
export type ListRead = { list: DocumentList; facets: DocumentFacetRefs; names: Map<string, string> };

/**
 * One page of a patient's documents, newest first, as the actor may see them: the rules are in
 * the SQL, so the total and the pages never count what is hidden from this actor.
 */
export async function listDocuments(repo: Repository, patientId: string, filters: DocumentFilters, options: ListOptions = {}): Promise<DocumentList> {
  return (await readList(repo, patientId, filters, options, false)).list;
}

/**
 * The page, with the filters' choices when `facets` (list-document-facets.ts): read in the page's
 * statement, named in the same directory search as the page's authors and custodians. Each
 * read on its own was a statement more on every view of a documents list (issue 16).
 */
export async function readList(repo: Repository, patientId: string, filters: DocumentFilters, options: ListOptions, facets: boolean): Promise<ListRead> {
  const page = Math.min(Math.max(filters.page, 1), MAX_PAGE);
  const request: SearchRequest = {
    patientId,
    category: filters.category ? [filters.category] : undefined,
    author: filters.author ? [`Practitioner/${filters.author}`] : undefined,
    // A facility is a filter on the documents' authors: the professionals who practise there.
    authorAt: filters.facility ? [`Organization/${filters.facility}`] : undefined,
    date: dateFilters(filters),
    text: filters.text,
    count: PAGE_SIZE,
    offset: (page - 1) * PAGE_SIZE,
    sort: "-date",
    total: true,
    // One more than the bound: finding it says the list goes on.
    totalUpTo: countBound(page) + 1,
    facets,
  };
  // The page (with its total, search.ts), whether the viewer sees the privacy badges (and which
  // documents are hidden) and since when a document is new, at once: they were read one after
  // the other (issue 16).
  const [result, { showPrivacy, hiddenIds }, newSince] = await Promise.all([
    repo.search<DocumentReference>("DocumentReference", request),
    mayManagePrivacy(repo, patientId).then(async (showPrivacy) => ({
      showPrivacy,
      hiddenIds: showPrivacy ? (await repo.rules(patientId)).hiddenDocuments : new Set<string>(),
    })),
    options.newSince,
  ]);
  const references = result.resources.flatMap((d) => [d.author?.[0]?.reference, d.custodian?.reference]).filter((ref): ref is string => !!ref);
  const facetRefs = result.facets ?? { authors: [], facilities: [] };
  const names = await directoryNames(repo, [...references, ...facetRefs.authors, ...facetRefs.facilities]);
  const found = result.total ?? result.resources.length;
  const totalCapped = found > countBound(page);
  const total = totalCapped ? countBound(page) : found;
  let items = result.resources.map((d) => summarise(d, { names, hiddenIds, newSince, viewerRef: options.viewerRef }));
  const candidates = items.filter((item) => item.isNew).map((item) => item.id);
  if (options.viewerRef && candidates.length > 0) {
    // Opened since it arrived: no longer new.
    const opened = await documentsOpenedBy(repo, patientId, options.viewerRef, candidates);
    items = items.map((item) => (opened.has(item.id) ? { ...item, isNew: false } : item));
  }
  const list = { items, total, totalCapped, page, pageCount: Math.max(1, Math.min(MAX_PAGE, Math.ceil(total / PAGE_SIZE))), showPrivacy };
  return { list, facets: facetRefs, names };
}

/** How many documents a view of this page counts at most (COUNTED_AHEAD past its first). */
function countBound(page: number): number {
  return (page - 1) * PAGE_SIZE + COUNTED_AHEAD;
}
