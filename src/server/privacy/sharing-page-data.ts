import "@/server/server-only";
import type { SharingSearch } from "@/lib/sharing/sharing-search";
import { spaceOf } from "../access/actor";
import { spacePatientName } from "../delegations/space-patient-name";
import type { RequestScope } from "../documents/request-scope";
import type { ProfessionalCard } from "../fhir/directory-search";
import { orUndefined } from "../pages/or-undefined";
import { sharingOverview, type SharingOverview } from "./sharing-overview";

export type SharingPageData = {
  overview: SharingOverview;
  search: SharingSearch;
  /** The directory's answer to the search (?q=…), if one was asked. */
  results: { cards: ProfessionalCard[]; more: boolean } | null;
  /** Whose space it is, for someone acting for the patient (the glance speaks of her by name); null to the patient herself. */
  person: string | null;
};

/**
 * What « Partage et confidentialité » shows: who can see the record and every setting that
 * decides it, read as the person acting (the patient, a guardian, or a caregiver with the right
 * to manage sharing). Anyone else: undefined, the same « not found » as for a page that does not
 * exist, as the API answers.
 */
export async function sharingPageData({ repo, actor }: RequestScope, search: SharingSearch): Promise<SharingPageData | undefined> {
  // The overview first: someone refused it gets no directory search either.
  const overview = await orUndefined(sharingOverview(repo));
  if (!overview) return undefined;
  const patientId = spaceOf(actor);
  const [results, person] = await Promise.all([
    search.q ? repo.searchProfessionals(search.q) : null,
    // The banner's read of the person, shared (space-patient-name.ts): no second read, no second audit row.
    actor.kind !== "patient" && patientId ? spacePatientName(repo, patientId).then((name) => name || "cette personne") : null,
  ]);
  return { overview, search, results, person };
}
