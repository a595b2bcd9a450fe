import "@/server/server-only";
import { formatHumanName } from "@/lib/fhir/human-name";
import { groupStartPages } from "@/lib/history/group-start-pages";
import type { HistoryView } from "@/lib/history/history-period";
import { spanInstants } from "@/lib/dates/fhir-date";
import type { DateFilter } from "../fhir/search-request";
import { searchAuditRows, type HistoryGroup } from "../audit/read-audit-events";
import { mayReadTrail } from "../audit/may-read-trail";
import { spacePatient } from "../delegations/space-patient-name";
import { directoryNames } from "../documents/directory-names";
import { mayManagePrivacy } from "../documents/privacy-rights";
import type { Repository } from "../fhir/repository";
import { agentReference, toHistoryEntry, type HistoryEntry } from "./history-entry";

export type { HistoryEntry };

/**
 * The patient's access history page: their whole audit trail, one entry per row, as the
 * repository lets this actor read it (the patient and a guardian; a caregiver only with
 * audit:read or privacy:manage; a professional never). "Je ne reconnais pas cet accès" blocks
 * the professional, a change of the sharing settings: offered only to who may make it. Emergency accesses carry the reason the professional
 * typed, so the patient reads it in their own words.
 *
 * What matters comes first (case 45): accesses by others, then attempts refused to others,
 * then the patient's own actions, each group newest first. So neither the patient's own
 * browsing nor a flood of refused attempts pushes a real access off the first page; and every
 * page of the trail can be reached, however long it is.
 */
/**
 * As the documents and sharing lists (20 a page). It was 50: with each row carrying its
 * "Je ne reconnais pas cet accès" form, the first page weighed 125 kB of HTML, rendered twice
 * by the App Router (HTML and its RSC payload), the slowest patient page of the pages bench.
 */
export const HISTORY_PAGE_SIZE = 20;

export type AccessHistory = {
  allowed: boolean;
  /** Whether "Je ne reconnais pas cet accès" (which blocks the professional) is this reader's to use. */
  mayReport: boolean;
  /**
   * The person reads their own history: what someone did for them reads « Camille Martin pour
   * vous ». Someone else reading it (a caregiver, a parent) sees whom it was done for by name.
   */
  ownHistory: boolean;
  /** The name of the patient whose history it is, for "Camille Martin pour Jean Martin" (when someone acted for them and the reader is not that patient). */
  patientName?: string;
  entries: HistoryEntry[];
  total: number;
  groups: Record<HistoryGroup, number>;
  /** The page on which each group begins (the summary links to it). */
  groupStarts: Record<HistoryGroup, number>;
  page: number;
  pageCount: number;
  /** The period shown (both days included), none for the whole trail; and the document, when narrowed to one. */
  period: HistoryView;
};

const NONE: Record<HistoryGroup, number> = { others: 0, refused: 0, own: 0 };

/** The period as the trail's date terms: from 00:00 Paris on its first day to the end of its last. */
function periodFilters(period: HistoryView): DateFilter[] {
  const filters: DateFilter[] = [];
  if (period.from) filters.push({ prefix: "ge", ...spanInstants({ first: period.from, last: period.from }) });
  if (period.to) filters.push({ prefix: "le", ...spanInstants({ first: period.to, last: period.to }) });
  return filters;
}

export async function listAccessHistory(repo: Repository, patientId: string, requestedPage: number, period: HistoryView = {}): Promise<AccessHistory> {
  const allowed = await mayReadTrail(repo, patientId, "search");
  // Their own history needs no read of their own name (issue 16: that read was a round trip after
  // the page's rows, and a line of its own in the history they were reading). A caregiver or a
  // parent gets the name from the read the space's banner makes anyway (space-patient-name.ts).
  const ownHistory = repo.actor.kind === "patient" && repo.actor.patientId === patientId;
  if (!allowed) return { allowed, ownHistory, mayReport: false, entries: [], total: 0, groups: NONE, groupStarts: groupStartPages(NONE, HISTORY_PAGE_SIZE), page: 1, pageCount: 1, period };
  const date = periodFilters(period);
  // Only rows of this patient's trail are read either way: a document id of someone else's record finds nothing.
  const entity = period.document ? `DocumentReference/${period.document}` : undefined;
  const pageAt = (page: number) =>
    searchAuditRows(repo, { patientId, count: HISTORY_PAGE_SIZE, offset: (page - 1) * HISTORY_PAGE_SIZE, order: "groups", total: true, reported: true, date, entity });
  let page = Math.max(Math.trunc(requestedPage) || 1, 1);
  let result = await pageAt(page);
  const total = result.total ?? result.rows.length;
  const pageCount = Math.max(1, Math.ceil(total / HISTORY_PAGE_SIZE));
  if (page > pageCount) {
    // A page past the end (an old link, a trail that got shorter to this reader) shows the last one.
    page = pageCount;
    result = await pageAt(page);
  }
  const agents = result.rows.map(agentReference);
  // « Je ne reconnais pas cet accès » is about a professional's access: only theirs show as reported.
  const reported = new Set(result.rows.filter((row, i) => agents[i]?.startsWith("Practitioner/") && result.reported.has(row.id)).map((row) => row.id));
  const onBehalf = result.rows.some((row) => !!row.onBehalfOf);
  // Each of these needs only the page's rows: read side by side, not one after the other (issue 16:
  // the page was slower than the documents page in every round, one round trip more on its path).
  // Which rows were reported comes with the rows themselves (searchAuditRows's `reported`).
  const [names, patientName, mayReport] = await Promise.all([
    directoryNames(repo, agents),
    onBehalf && !ownHistory ? nameOfPatient(repo, patientId) : undefined,
    mayManagePrivacy(repo, patientId),
  ]);
  const entries = result.rows.map((row) => toHistoryEntry(row, names, patientId, reported));
  return {
    allowed,
    ownHistory,
    mayReport,
    patientName,
    entries,
    total,
    groups: result.groups ?? NONE,
    groupStarts: groupStartPages(result.groups ?? NONE, HISTORY_PAGE_SIZE),
    page,
    pageCount,
    period,
  };
}

/** The banner's read of the person, shared (space-patient-name.ts): one look in their history. */
async function nameOfPatient(repo: Repository, patientId: string): Promise<string | undefined> {
  return formatHumanName((await spacePatient(repo, patientId))?.name);
}
