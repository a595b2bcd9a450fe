import "@/server/server-only";
import type { DocumentReference } from "@medplum/fhirtypes";
import { agentRef } from "../access/actor";
import { readDocumentViewsWithEmergencies, type AuditView } from "../audit/read-audit";
import type { Repository } from "../fhir/repository";
import { directoryNames } from "./directory-names";
import { summarise, type DocumentSummary } from "./document-summary";
import { mayManagePrivacy } from "./privacy-rights";

export type DocumentView = {
  when: Date;
  /** A name to show; undefined when the viewer is the person reading the page. */
  who?: string;
  self: boolean;
  interaction: "read" | "download";
  /** The viewer acted for the patient (a caregiver or a guardian). */
  onBehalf: boolean;
  /** Read by a professional under emergency access. */
  emergency: boolean;
};

export type DocumentDetail = {
  patientId: string;
  summary: DocumentSummary;
  /**
   * Who else than the patient viewed it, newest first; undefined when the actor may not read the
   * patient's trail (a professional, a caregiver without the scope).
   */
  views?: DocumentView[];
  /** The patient's own last view, apart: their own views never push someone else's off the page. */
  patientsLastView?: DocumentView;
  rights: { managePrivacy: boolean; delete: boolean };
};

const EMERGENCY_WINDOW_MS = 3600 * 1000;

/** The page's inline viewer fetches the file right after the page is read: one view, not two. */
const VIEWER_FETCH_MS = 60_000;

function isViewerFetch(row: AuditView, rows: AuditView[]): boolean {
  return (
    row.interaction === "download" &&
    rows.some(
      (other) =>
        other.interaction === "read" &&
        other.agent === row.agent &&
        other.recorded <= row.recorded &&
        row.recorded.getTime() - other.recorded.getTime() <= VIEWER_FETCH_MS,
    )
  );
}

function toViews(rows: AuditView[], emergencies: AuditView[], names: Map<string, string>, viewer: string): DocumentView[] {
  return rows.filter((row) => !isViewerFetch(row, rows)).map((row) => {
    const emergency = emergencies.some(
      (e) => e.agent === row.agent && e.recorded <= row.recorded && row.recorded.getTime() - e.recorded.getTime() <= EMERGENCY_WINDOW_MS,
    );
    const self = row.agent === viewer;
    return {
      when: row.recorded,
      who: self ? undefined : (row.agentName ?? names.get(row.agent) ?? undefined),
      self,
      interaction: row.interaction === "download" ? "download" : "read",
      onBehalf: row.onBehalfOf !== null,
      emergency,
    };
  });
}

/**
 * A document with what its page shows: metadata, names, whether it is hidden, who viewed it,
 * and what the actor may do to it. Reading it is audited by the repository ("read"); anything
 * the actor may not see is a 404 from the repository, like an id that does not exist.
 */
export async function getDocument(repo: Repository, documentId: string, compartment?: string): Promise<DocumentDetail> {
  // A page about one patient's documents (`compartment`: whose space or record it shows) reads
  // who viewed the document beside the document itself rather than once it is back (issue 16:
  // the document's page was slower than the documents page in every round). That read is the
  // compartment's trail, which the actor's own decision (mayReadTrail) opens to them or not, for
  // this document's id: nothing of another patient's, whatever the id names. A document of
  // another compartment is the page's 404, and its views are read for its own patient here.
  const early = compartment !== undefined ? readDocumentViewsWithEmergencies(repo, compartment, documentId) : undefined;
  early?.catch(() => undefined);
  const document = await repo.read<DocumentReference>("DocumentReference", documentId);
  const patientId = document.subject?.reference?.replace(/^Patient\//, "") ?? "";
  // What the page needs once the document is read, each read as soon as what it depends on is
  // known rather than one after the other (issue 16: six waits in a row, against four for the
  // documents list): the privacy rights beside the document's views and the record's emergency
  // accesses (one statement: which professional's views were under emergency access), then the
  // names of who looked.
  const [{ managePrivacy, hiddenIds }, rows] = await Promise.all([
    mayManagePrivacy(repo, patientId).then(async (managePrivacy) => ({
      managePrivacy,
      hiddenIds: managePrivacy ? (await repo.rules(patientId)).hiddenDocuments : new Set<string>(),
    })),
    early && patientId === compartment ? early : readDocumentViewsWithEmergencies(repo, patientId, documentId),
  ]);
  const others = rows?.others ?? [];
  const emergencies = others.some((r) => r.actorKind === "practitioner") ? (rows?.emergencies ?? []) : [];
  const names = await directoryNames(repo, [document.author?.[0]?.reference, document.custodian?.reference, ...others.map((r) => r.agent), rows?.patientsLast?.agent]);
  const summary = summarise(document, { names, hiddenIds });
  const deletion = await repo.decideOn("delete", {
    resourceType: "DocumentReference",
    id: documentId,
    patientId,
    confidentiality: summary.confidentiality,
    labels: (document.meta?.security ?? []).map((s) => s.code ?? ""),
    author: summary.authorRef,
  });
  return {
    patientId,
    summary,
    views: rows ? toViews(others, emergencies, names, agentRef(repo.actor)) : undefined,
    ...(rows?.patientsLast ? { patientsLastView: toViews([rows.patientsLast], [], names, agentRef(repo.actor))[0] } : {}),
    rights: { managePrivacy, delete: deletion.allow },
  };
}
