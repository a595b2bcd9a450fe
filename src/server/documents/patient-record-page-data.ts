import "@/server/server-only";
import { parseDocumentFilters, type DocumentFilters } from "@/lib/documents/document-filters";
import { noteFirstAccess } from "../notifications/note-first-access";
import { preventionOf } from "../prevention/evaluate-patient";
import type { PreventionItem } from "../prevention/types";
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
  /**
   * What is due or overdue, the only items the page shows (the others stay out of its props).
   * Null under emergency access: prevention is for the professionals the patient authorises.
   */
  prevention: readonly PreventionItem[] | null;
  canAdd: boolean;
};

/**
 * A patient's record as this professional may see it: never the hidden documents, never above
 * the confidentiality the patient allowed, and nothing at all (undefined: the page answers 404,
 * as for a patient that does not exist) when blocked or not authorised.
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
  // Prevention is read beside the documents rather than after them (issue 16: it was the page's
  // longest wait); the first-access notice too: it needs only that the professional may see the patient.
  const [{ list, facets }, prevention, , create] = await Promise.all([
    listWithFacets(repo, patientId, filters),
    emergency ? null : preventionOf(repo, patientId, { patient: identity.patient, about: "other" }),
    noteFirstAccess(repo, patientId),
    repo.decideOn("create", { resourceType: "DocumentReference", patientId, confidentiality: "N", labels: [] }),
  ]);
  return {
    patientId,
    name: identity.name,
    list,
    filters,
    invalidFilters: invalid,
    facets,
    emergencyUntil: emergency ? emergency.until.toISOString() : null,
    prevention: prevention ? prevention.items.filter((item) => item.status === "DUE" || item.status === "OVERDUE") : null,
    canAdd: create.allow,
  };
}
