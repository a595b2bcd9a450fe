import "@/server/server-only";
import type { DocumentFilters } from "@/lib/documents/document-filters";
import type { Repository } from "../fhir/repository";
import type { DocumentFacetRefs } from "../fhir/search";
import { directoryNames } from "./directory-names";
import { listDocuments, type DocumentList, type ListOptions } from "./list-documents";

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
 * of a record show them, read at once and named in one directory search: the filters' authors
 * and facilities with the page's authors and custodians. Each named its own was two searches,
 * the second in a third wave, on every view (issue 16).
 */
export async function listWithFacets(
  repo: Repository,
  patientId: string,
  filters: DocumentFilters,
  options: Omit<ListOptions, "names"> = {},
): Promise<{ list: DocumentList; facets: DocumentFacets }> {
  const refs = repo.documentFacets(patientId);
  let named: Promise<Map<string, string>> | undefined;
  const names = (listed: string[]) =>
    (named = refs.then((found) => directoryNames(repo, [...listed, ...found.authors, ...found.facilities])));
  const [list, found] = await Promise.all([listDocuments(repo, patientId, filters, { ...options, names }), refs]);
  // listDocuments names its page exactly once, before it answers.
  return { list, facets: facetOptions(found, await named!) };
}
