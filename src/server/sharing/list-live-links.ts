import "@/server/server-only";
import type { Repository } from "../fhir/repository";
import { listLiveShareLinks } from "../fhir/share-links";
import { linksSpaceOf } from "./link-rights";
import { linkState } from "./link-state";

export type LiveLink = { id: string; prescriptionId: string; expiresAt: Date };

/**
 * The patient's links that still open a prescription, as « Partage et confidentialité » lists
 * them: no events, no ended links. The page used listMyLinks, which also reads each link's
 * openings and views from the audit trail and up to 200 ended links, none of which it shows: that
 * read was the page's costliest statement after its audit row (issue 16). The same right as
 * listMyLinks (undefined for whoever may not manage this space's links) and the same state
 * (linkState): what is listed here as active is what the links page calls active.
 */
export async function listLiveLinks(repo: Repository): Promise<LiveLink[] | undefined> {
  const patientId = await linksSpaceOf(repo);
  if (!patientId) return undefined;
  const now = repo.now();
  const links = await listLiveShareLinks(patientId, now);
  return links
    .filter((link) => linkState(link, link.prescriptionOpen, now) === "active")
    .map((link) => ({ id: link.id, prescriptionId: link.prescriptionId, expiresAt: link.expiresAt }));
}
