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
  /** Older views by others than those in `views`: in the access history, narrowed to this document. */
  moreViews?: boolean;
  rights: { managePrivacy: boolean; delete: boolean };
};

const EMERGENCY_WINDOW_MS = 3600 * 1000;

/** How soon after its read a download is the page's inline viewer fetching the file. */
const VIEWER_FETCH_MS = 60_000;

/** Each agent's instants (ms) among these rows, for the checks below. */
function instantsByAgent(rows: AuditView[]): Map<string, number[]> {
  const byAgent = new Map<string, number[]>();
  for (const row of rows) {
    const instants = byAgent.get(row.agent);
    if (instants) instants.push(row.recorded.getTime());
    else byAgent.set(row.agent, [row.recorded.getTime()]);
  }
  return byAgent;
}

/** Whether one of these instants is at most `windowMs` before `at` (and not after it). */
function oneWithin(instants: number[] | undefined, at: number, windowMs: number): boolean {
  return instants?.some((instant) => instant <= at && at - instant <= windowMs) ?? false;
}

/**
 * Each row's checks look only at its own agent's rows (a download at the agent's read, a view at
 * the emergency accesses the agent opened): grouped first, rather than every row walking every
 * other, 50 × 50 comparisons on each view of a document read by fifty others (issue 16,
 * profile-by-page.mjs).
 */
function toViews(rows: AuditView[], emergencies: AuditView[], names: Map<string, string>, viewer: string): DocumentView[] {
  const readsByAgent = instantsByAgent(rows.filter((row) => row.interaction === "read"));
  const emergenciesByAgent = instantsByAgent(emergencies);
  // The page's inline viewer fetches the file right after the page is read: one view, not two.
  const isViewerFetch = (row: AuditView) => row.interaction === "download" && oneWithin(readsByAgent.get(row.agent), row.recorded.getTime(), VIEWER_FETCH_MS);
  return rows.filter((row) => !isViewerFetch(row)).map((row) => {
    const self = row.agent === viewer;
    return {
      when: row.recorded,
      who: self ? undefined : (row.agentName ?? names.get(row.agent) ?? undefined),
      self,
      interaction: row.interaction === "download" ? "download" : "read",
      onBehalf: row.onBehalfOf !== null,
      emergency: oneWithin(emergenciesByAgent.get(row.agent), row.recorded.getTime(), EMERGENCY_WINDOW_MS),
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
    ...(rows?.more ? { moreViews: true } : {}),
    ...(rows?.patientsLast ? { patientsLastView: toViews([rows.patientsLast], [], names, agentRef(repo.actor))[0] } : {}),
    rights: { managePrivacy, delete: deletion.allow },
  };
}
