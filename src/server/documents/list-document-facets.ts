import "@/server/server-only";
import type { Repository } from "../fhir/repository";
import { directoryNames } from "./directory-names";

export type FacetOption = { id: string; label: string };

/**
 * The choices of the author and facility filters: every professional who wrote a document this
 * viewer may see in the patient's record, and every facility where one of them practises. Found
 * in SQL over the whole record (no directory page to stop at), named from the directory.
 */
export async function listDocumentFacets(repo: Repository, patientId: string): Promise<{ authors: FacetOption[]; facilities: FacetOption[] }> {
  const refs = await repo.documentFacets(patientId);
  const names = await directoryNames(repo, [...refs.authors, ...refs.facilities]);
  const byLabel = (a: FacetOption, b: FacetOption) => a.label.localeCompare(b.label, "fr");
  const options = (type: string, list: string[]) =>
    list
      .map((ref) => ({ id: ref.slice(type.length + 1), label: names.get(ref) ?? "" }))
      .filter((o) => o.id && o.label)
      .sort(byLabel);
  return { authors: options("Practitioner", refs.authors), facilities: options("Organization", refs.facilities) };
}

/**
 * The same names by reference, so a list that already loaded the filters' choices names its
 * documents' authors and facilities without searching the directory again.
 */
export function facetNames(facets: { authors: FacetOption[]; facilities: FacetOption[] }): Map<string, string> {
  return new Map([
    ...facets.authors.map((a): [string, string] => [`Practitioner/${a.id}`, a.label]),
    ...facets.facilities.map((f): [string, string] => [`Organization/${f.id}`, f.label]),
  ]);
}
