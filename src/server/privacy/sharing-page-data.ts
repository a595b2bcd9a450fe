import "@/server/server-only";
import type { SharingSearch } from "@/lib/sharing/sharing-search";
import type { RequestScope } from "../documents/request-scope";
import type { ProfessionalCard } from "../fhir/directory-search";
import { orUndefined } from "../pages/or-undefined";
import { sharingOverview, type SharingOverview } from "./sharing-overview";

export type SharingPageData = {
  overview: SharingOverview;
  search: SharingSearch;
  /** The directory's answer to the search (?q=…), if one was asked. */
  results: { cards: ProfessionalCard[]; more: boolean } | null;
};

/**
 * What « Partage et confidentialité » shows: who can see the record and every setting that
 * decides it, read as the person acting (the patient, a guardian, or a caregiver with the right
 * to manage sharing). Anyone else: undefined, the same « not found » as for a page that does not
 * exist, as the API answers.
 */
export async function sharingPageData({ repo }: RequestScope, search: SharingSearch): Promise<SharingPageData | undefined> {
  // The overview first: someone refused it gets no directory search either.
  const overview = await orUndefined(sharingOverview(repo));
  if (!overview) return undefined;
  return { overview, search, results: search.q ? await repo.searchProfessionals(search.q) : null };
}
