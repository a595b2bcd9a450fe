import "server-only";
import type { DocumentReference, PractitionerRole } from "@medplum/fhirtypes";
import { spanInstants } from "@/lib/dates/fhir-date";
import { MAX_PAGE, PAGE_SIZE, type DocumentFilters } from "@/lib/documents/document-filters";
import { documentsOpenedBy } from "../audit/read-audit";
import type { Repository } from "../fhir/repository";
import type { DateFilter, SearchRequest } from "../fhir/search-request";
import { directoryNames } from "./directory-names";
import { summarise, type DocumentSummary } from "./document-summary";
import { mayManagePrivacy } from "./privacy-rights";

export type DocumentList = {
  items: DocumentSummary[];
  total: number;
  page: number;
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

/**
 * A facility is a filter on the documents' authors: the professionals who practise there (their
 * PractitionerRole). The store indexes the author, so this stays an indexed search.
 */
async function authorsAt(repo: Repository, organizationId: string): Promise<string[]> {
  const roles = await repo.search<PractitionerRole>("PractitionerRole", { count: 100 });
  return roles.resources
    .filter((role) => role.organization?.reference === `Organization/${organizationId}`)
    .map((role) => role.practitioner?.reference)
    .filter((ref): ref is string => !!ref);
}

/**
 * One page of a patient's documents, newest first, as the actor may see them: the rules are in
 * the SQL, so the total and the pages never count what is hidden from this actor.
 */
export async function listDocuments(
  repo: Repository,
  patientId: string,
  filters: DocumentFilters,
  options: { newSince?: Date; viewerRef?: string; knownNames?: Promise<Map<string, string>> } = {},
): Promise<DocumentList> {
  const page = Math.min(Math.max(filters.page, 1), MAX_PAGE);
  let authors = filters.author ? [`Practitioner/${filters.author}`] : undefined;
  if (filters.facility) {
    const atFacility = await authorsAt(repo, filters.facility);
    authors = authors ? authors.filter((a) => atFacility.includes(a)) : atFacility;
    // No professional there: a filter that matches nothing, not no filter.
    if (authors.length === 0) authors = ["Practitioner/-"];
  }
  const request: SearchRequest = {
    patientId,
    category: filters.category ? [filters.category] : undefined,
    author: authors,
    date: dateFilters(filters),
    text: filters.text,
    count: PAGE_SIZE,
    offset: (page - 1) * PAGE_SIZE,
    sort: "-date",
    total: true,
  };
  const result = await repo.search<DocumentReference>("DocumentReference", request);
  const showPrivacy = await mayManagePrivacy(repo, patientId);
  const hiddenIds = showPrivacy ? (await repo.rules(patientId)).hiddenDocuments : new Set<string>();
  // Names the page already has (the filters' directory) are not searched for again.
  const names = new Map(await options.knownNames);
  const missing = result.resources.flatMap((d) => [d.author?.[0]?.reference, d.custodian?.reference]).filter((ref) => ref && !names.has(ref));
  for (const [ref, name] of await directoryNames(repo, missing)) names.set(ref, name);
  const total = result.total ?? result.resources.length;
  let items = result.resources.map((d) => summarise(d, { names, hiddenIds, newSince: options.newSince, viewerRef: options.viewerRef }));
  const candidates = items.filter((item) => item.isNew).map((item) => item.id);
  if (options.viewerRef && candidates.length > 0) {
    // Opened since it arrived: no longer new.
    const opened = await documentsOpenedBy(repo, patientId, options.viewerRef, candidates);
    items = items.map((item) => (opened.has(item.id) ? { ...item, isNew: false } : item));
  }
  return {
    items,
    total,
    page,
    pageCount: Math.max(1, Math.min(MAX_PAGE, Math.ceil(total / PAGE_SIZE))),
    showPrivacy,
  };
}
