import "@/server/server-only";
import { parseDocumentFilters, type DocumentFilters } from "@/lib/documents/document-filters";
import { noteFirstAccess } from "../notifications/note-first-access";
import { preventionRefusal } from "../prevention/prevention-refusal";
import { listWithFacets, type DocumentFacets } from "./list-document-facets";
import type { DocumentList } from "./list-documents";
import { patientIdentity } from "./patient-identity";
import type { RequestScope } from "./request-scope";

export type PatientRecordPageData = {
  patientId: string;
  name: string;
  list: DocumentList;
  filters: DocumentFilters;
  invalidFilters: boolean;
  facets: DocumentFacets;
  /** Under emergency access: until when (ISO); null otherwise. */
  emergencyUntil: string | null;
  /** Whether the record has its prevention tab: not for a professional let in by an emergency access alone (prevention-refusal.ts). */
  prevention: boolean;
  canAdd: boolean;
};

/**
 * A patient's record as this professional may see it: never the hidden documents, never above
 * the confidentiality the patient allowed, and nothing at all (undefined: the page answers 404,
 * as for a patient that does not exist) when blocked or not authorised. The patient's prevention
 * is the record's other tab (pro-prevention-page-data.ts), read when the professional opens it.
 */
export async function patientRecordPageData(
  { repo, actor }: RequestScope,
  patientId: string,
  params: Record<string, string | string[] | undefined>,
): Promise<PatientRecordPageData | undefined> {
  const identity = await patientIdentity(repo, patientId);
  if (!identity || actor.kind !== "practitioner") return undefined;
  const { filters, invalid } = parseDocumentFilters(params);
  const emergency = actor.emergency?.patientId === patientId ? actor.emergency : undefined;
  // The first-access notice is sent beside the documents: it needs only that the professional may see the patient.
  const [{ list, facets }, , create, preventionRefused] = await Promise.all([
    listWithFacets(repo, patientId, filters),
    noteFirstAccess(repo, patientId),
    repo.decideOn("create", { resourceType: "DocumentReference", patientId, confidentiality: "N", labels: [] }),
    preventionRefusal(repo, patientId),
  ]);
  return {
    patientId,
    name: identity.name,
    list,
    filters,
    invalidFilters: invalid,
    facets,
    emergencyUntil: emergency ? emergency.until.toISOString() : null,
    prevention: preventionRefused === undefined,
    canAdd: create.allow,
  };
}
