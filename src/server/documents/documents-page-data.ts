import "@/server/server-only";
import { parseDocumentFilters, type DocumentFilters } from "@/lib/documents/document-filters";
import { agentRef, spaceOf } from "../access/actor";
import { spacePatientName } from "../delegations/space-patient-name";
import { listWithFacets, type DocumentFacets } from "./list-document-facets";
import type { DocumentList } from "./list-documents";
import { documentsSeenBefore } from "./mark-new";
import type { RequestScope } from "./request-scope";

export type DocumentsPageData = {
  list: DocumentList;
  filters: DocumentFilters;
  invalidFilters: boolean;
  facets: DocumentFacets;
  /** Another person's space: their name; null in one's own. */
  spaceName: string | null;
  canAdd: boolean;
};

/**
 * What the documents page shows of the space the person acts in (their own, a dependant's, a
 * delegating patient's), filtered from the URL. Everything is read through the repository as
 * this actor: a caregiver sees what the delegation allows, and no privacy badges.
 */
export async function documentsPageData({ repo, actor, session }: RequestScope, params: Record<string, string | string[] | undefined>): Promise<DocumentsPageData> {
  const patientId = spaceOf(actor) ?? "";
  const { filters, invalid } = parseDocumentFilters(params);
  // Since when a document is new: read with the session (issue 16), or beside the list.
  const newSince = documentsSeenBefore(actor, new Date(), session.documentsSeen);
  const [{ list, facets }, spaceName, create] = await Promise.all([
    listWithFacets(repo, patientId, filters, { newSince, viewerRef: agentRef(actor) }),
    // Another person's space: their name, as its banner read it.
    actor.kind === "patient" ? null : spacePatientName(repo, patientId).then((name) => name ?? null),
    repo.decideOn("create", { resourceType: "DocumentReference", patientId, confidentiality: "N", labels: [] }),
  ]);
  return { list, filters, invalidFilters: invalid, facets, spaceName, canAdd: create.allow };
}
