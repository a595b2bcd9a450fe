import "@/server/server-only";
import type { DocumentFilters } from "@/lib/documents/document-filters";
import type { Repository } from "../fhir/repository";
import type { DocumentFacetRefs } from "../fhir/search-request";
import { directoryNames } from "./directory-names";
import { readList, type DocumentList, type ListOptions } from "./list-documents";

export type FacetOption = { id: string; label: string };
export type DocumentFacets = { authors: FacetOption[]; facilities: FacetOption[] };

/** The filters' choices from the references found and their names, in French alphabetical order. */
function facetOptions(refs: DocumentFacetRefs, names: Map<string, string>): DocumentFacets {
  const byLabel = (a: FacetOption, b: FacetOption) => a.label.localeCompare(b.label, "fr");
  const options = (type: string, list: string[]) =>
    list
      .map((ref) => ({ id: ref.slice(type.length + 1), label: names.get(ref) ?? "" }))
      .filter((o) => o.id && o.label)
      .sort(byLabel);
  return { authors: options("Practitioner", refs.authors), facilities: options("Organization", refs.facilities) };
}

/**
 * The choices of the author and facility filters: every professional who wrote a document this
 * viewer may see in the patient's record, and every facility where one of them practises. Found
 * in SQL over the whole record (no directory page to stop at), named from the directory.
 */
export async function listDocumentFacets(repo: Repository, patientId: string): Promise<DocumentFacets> {
  const refs = await repo.documentFacets(patientId);
  return facetOptions(refs, await directoryNames(repo, [...refs.authors, ...refs.facilities]));
}

/**
 * A page of documents and the filters' choices, as the documents page and a professional's view
 * of a record show them: read in one statement (search.ts), named in one directory search with
 * the page's authors and custodians (list-documents.ts's readList).
 */
export async function listWithFacets(
  repo: Repository,
  patientId: string,
  filters: DocumentFilters,
  options: ListOptions = {},
): Promise<{ list: DocumentList; facets: DocumentFacets }> {
  const { list, facets, names } = await readList(repo, patientId, filters, options, true);
  return { list, facets: facetOptions(facets, names) };
}
