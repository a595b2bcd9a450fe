import "server-only";
import type { Organization, Practitioner } from "@medplum/fhirtypes";
import type { Repository } from "../fhir/repository";
import { formatHumanName } from "@/lib/fhir/human-name";

export type FacetOption = { id: string; label: string };

/** The choices of the author and facility filters: the professionals and facilities of the directory. */
export async function listDocumentFacets(repo: Repository): Promise<{ authors: FacetOption[]; facilities: FacetOption[] }> {
  const [practitioners, organizations] = await Promise.all([
    repo.search<Practitioner>("Practitioner", { count: 100 }),
    repo.search<Organization>("Organization", { count: 100 }),
  ]);
  const byLabel = (a: FacetOption, b: FacetOption) => a.label.localeCompare(b.label, "fr");
  return {
    authors: practitioners.resources
      .map((p) => ({ id: p.id ?? "", label: formatHumanName(p.name) ?? "" }))
      .filter((o) => o.id && o.label)
      .sort(byLabel),
    facilities: organizations.resources
      .map((o) => ({ id: o.id ?? "", label: o.name ?? "" }))
      .filter((o) => o.id && o.label)
      .sort(byLabel),
  };
}

/**
 * The same directory as display names by reference, so a list that already loaded the filters'
 * choices names its documents' authors and facilities without searching the directory again.
 */
export function facetNames(facets: { authors: FacetOption[]; facilities: FacetOption[] }): Map<string, string> {
  return new Map([
    ...facets.authors.map((a): [string, string] => [`Practitioner/${a.id}`, a.label]),
    ...facets.facilities.map((f): [string, string] => [`Organization/${f.id}`, f.label]),
  ]);
}
