import "@/server/server-only";
import type { AuditEvent } from "@medplum/fhirtypes";
import { MINOR_SECRET } from "@/lib/fhir/systems";
import { seesDeleted } from "../access/deleted-resources";
import type { Interaction, ResourceFacts } from "../access/facts";
import { database } from "../db/client";
import { notFound } from "../fhir/errors";
import { isUuid, type Repository } from "../fhir/repository";
import type { DateFilter } from "../fhir/search-request";
import { dateTerm } from "../fhir/date-term-sql";
import { limitRoundedUp, SqlParams } from "../fhir/search-sql";
import { entityAndVersions } from "./entity-and-versions";
import { trailFacts } from "./may-read-trail";
import { toFhirAuditEvent, type AuditRow } from "./to-fhir-audit-event";

/**
 * A patient's audit trail as FHIR AuditEvents, read through the same decision as any
 * AuditEvent: the patient and a guardian may read it, a caregiver only with audit:read or privacy:manage,
 * a professional or a link holder never. Refused searches answer an empty page, refused reads
 * 404, and both leave a row in the trail themselves.
 *
 * A row about a resource the reader may not see (a minor's secret document for a guardian, a
 * very restricted one for a caregiver) is left out in SQL, so the trail does not reveal that
 * the resource exists, and pages and totals only count what is shown.
 */
export type AuditSearch = {
  patientId: string;
  count: number;
  offset: number;
  sort?: "date" | "-date";
  date?: DateFilter[];
  /** One resource's entries alone ("DocumentReference/<id>"), the reads of its versions with them: the history opened from a document's page. */
  entity?: string;
  total?: boolean;
  /** "groups": others' accesses, then others' refused attempts, then the patient's own actions (the history page). */
  order?: "recorded" | "groups";
  /** The position (seq) of the last entry of the previous page: this page continues after it. */
  after?: string;
  /**
   * With each row, whether the patient reported it as not recognised (« Je ne reconnais pas cet
   * accès »), for a reader who may read the trail's entries (the history page): read in the
   * page's statement, where it was a statement of its own after it (issue 16).
   */
  reported?: boolean;
};

export type HistoryGroup = "others" | "refused" | "own";
export type AuditPage = {
  events: AuditEvent[];
  total?: number;
  hasMore: boolean;
  groups?: Record<HistoryGroup, number>;
  /** The position of the page's last entry, for a cursor that continues after it. */
  last?: string;
};

/**
 * The group of a row, in the page's order. Spelled exactly as the index of the
 * 20261130030000_audit_history_order migration, which the planner then reads in this order.
 * The chain trigger (20261205010000_history_group_counts) counts each group with the same rule.
 */
const HISTORY_GROUP_SQL = `(CASE WHEN a.agent = 'Patient/' || a.patient_id::text THEN 2 WHEN a.outcome = 'denied' THEN 1 ELSE 0 END)`;
const GROUPS: HistoryGroup[] = ["others", "refused", "own"];

const COLUMNS = `a.id::text AS id, a.recorded, a.agent, a.agent_name AS "agentName", a.actor_kind AS "actorKind",
  a.on_behalf_of AS "onBehalfOf", a.patient_id::text AS "patientId", a.entity, a.interaction, a.outcome, a.reason, a.detail`;

const ENTITY_ID = `CASE WHEN split_part(a.entity, '/', 2) ~ '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'
  THEN split_part(a.entity, '/', 2)::uuid END`;


/** The labels of documents this reader may not read in this patient's record. */
async function labelsHiddenFrom(repo: Repository, patientId: string): Promise<string[]> {
  const hidden: string[] = [];
  for (const label of ["V", "R", MINOR_SECRET] as const) {
    const facts: ResourceFacts = {
      resourceType: "DocumentReference",
      patientId,
      confidentiality: label === "V" || label === "R" ? label : "N",
      labels: [label],
    };
    if (!(await repo.decideOn("read", facts)).allow) hidden.push(label);
  }
  return hidden;
}

/**
 * What the reader may see of a patient's trail: rows about resources whose labels are hidden
 * from them are left out, and for anyone but the patient, rows about deleted resources too
 * (seesDeleted: deleted means gone for others, the deletion's own row included, while the
 * patient keeps the whole trail). A file's rows follow its document: its Binary carries the
 * document's labels and is deleted with it (src/server/fhir/document-files.ts).
 */
function visibleTerms(patientId: string, hidden: { labels: string[]; deleted: boolean }, p: SqlParams, { patientHidden = false } = {}): string[] {
  // patientHidden: the patient behind a sub-select, for the page's statement (searchAuditEvents).
  const terms = [patientHidden ? `a.patient_id = (SELECT ${p.add(patientId)}::uuid)` : `a.patient_id = ${p.add(patientId)}::uuid`];
  const gone = [
    ...(hidden.labels.length > 0 ? [`r.security && ${p.add(hidden.labels)}::text[]`] : []),
    ...(hidden.deleted ? ["r.deleted"] : []),
  ];
  if (gone.length > 0) terms.push(`NOT EXISTS (SELECT 1 FROM fhir_resource r WHERE r.id = ${ENTITY_ID} AND (${gone.join(" OR ")}))`);
  return terms;
}

async function hiddenFrom(repo: Repository, patientId: string): Promise<{ labels: string[]; deleted: boolean }> {
  return { labels: await labelsHiddenFrom(repo, patientId), deleted: !seesDeleted(repo.actor, patientId) };
}

async function allowed(repo: Repository, interaction: Interaction, patientId: string): Promise<{ allow: boolean; reason: string }> {
  return repo.decideOn(interaction, trailFacts(patientId));
}

export async function searchAuditEvents(repo: Repository, search: AuditSearch): Promise<AuditPage> {
  const { rows, reported: _reported, ...page } = await searchAuditRows(repo, search);
  return { events: rows.map(toFhirAuditEvent), ...page };
}

/** The same page as rows of the table, for the history page (history-entry.ts says why). */
export type AuditRowPage = Omit<AuditPage, "events"> & { rows: AuditRow[]; /** The page's rows the patient reported (AuditSearch's `reported`). */ reported: Set<string> };

/**
 * Whether the patient reported a row (report-unrecognised-access.ts writes an entry naming it),
 * found by the (patient, entity) index; asked of each of the page's 20 rows at most.
 */
const REPORTED_SQL = `EXISTS (SELECT 1 FROM audit_event r WHERE r.patient_id = a.patient_id AND r.entity = 'AuditEvent/' || a.id::text AND r.interaction = 'report-access')`;

/** One resource's rows, its versions' reads too (entity-and-versions.ts says why each name is spelled out). */
function entityTerm(entity: string, p: SqlParams): string {
  return `a.entity = ANY(${p.add(entityAndVersions(entity))}::text[])`;
}

/** searchAuditEvents, its rows unconverted: the same decision, the same audit row. */
export async function searchAuditRows(repo: Repository, search: AuditSearch): Promise<AuditRowPage> {
  const { patientId } = search;
  repo.countRead();
  if (!isUuid(patientId)) return { rows: [], total: search.total ? 0 : undefined, hasMore: false, reported: new Set() };
  const decision = await allowed(repo, "search", patientId);
  if (!decision.allow) {
    await repo.audit({ patientId, entity: "AuditEvent", interaction: "search", outcome: "denied", reason: decision.reason });
    return { rows: [], total: search.total ? 0 : undefined, hasMore: false, reported: new Set() };
  }
  // Which entries were reported is a read of the trail's entries: asked only of who may read them.
  const withReported = search.reported === true && (await allowed(repo, "read", patientId)).allow;
  const { sql } = await database();
  const hidden = await hiddenFrom(repo, patientId);
  const terms = (p: SqlParams, options?: { patientHidden: boolean }) => [
    ...visibleTerms(patientId, hidden, p, options),
    ...(search.date ?? []).map((f) => dateTerm("a.recorded", f, p)),
    ...(search.entity !== undefined ? [entityTerm(search.entity, p)] : []),
  ];
  // The total counts the whole search; the page's rows continue after the cursor, if any.
  const counted = new SqlParams();
  const whereSql = terms(counted).join(" AND ");
  // The page's statement keeps one plan (issue 16). It was planned again on every view of the
  // history page: for a patient with a long trail, a plan made for her (PostgreSQL's statistics
  // know her rows) and for the page's known limit always looked cheaper than the generic one,
  // made for any patient and `LIMIT $n`; psql on the bench's patient: 0 generic plans in 7 runs,
  // 0.16 ms of planning (0.36 ms with a reader's hidden labels) for 0.05 ms of execution. With
  // the patient behind a sub-select and the limit written in, both plans are costed alike and
  // the generic one (the same index scan) is kept from the sixth run, planning 0.01 ms. The
  // counts keep the patient in sight: counting a long trail is where her own estimate matters.
  const p = new SqlParams();
  const pageWhere = terms(p, { patientHidden: true });
  const direction = search.sort === "date" ? "ASC" : "DESC";
  if (search.after !== undefined && search.order !== "groups") pageWhere.push(`a.seq ${direction === "ASC" ? ">" : "<"} ${p.add(search.after)}::bigint`);
  const orderBy = search.order === "groups" ? `${HISTORY_GROUP_SQL}, a.seq DESC` : `a.seq ${direction}`;
  // The counts a reader who sees the whole trail is shown are kept on the chain's head: read in
  // the page's statement (a sub-select run once), where they were a statement of their own beside
  // it (issue 16: a statement costs the portal about 0.14 ms of CPU, search.ts). A page past the
  // trail's end has no row to carry them: read alone then. Counted row by row otherwise, beside
  // the page, not after it (one round trip less on the history pages).
  const wholeTrail = hidden.labels.length === 0 && !hidden.deleted && (search.date ?? []).length === 0 && search.entity === undefined;
  const kept = search.total && wholeTrail ? `, ${KEPT_COUNTS_SQL.replace("$1", p.add(patientId))} AS kept` : "";
  const reportedColumn = withReported ? `, ${REPORTED_SQL} AS reported` : "";
  const [rows, counts] = await Promise.all([
    sql.query<AuditRow & { seq: string; kept?: Count[] | null; reported?: boolean }>(
      `SELECT ${COLUMNS}, a.seq::text AS seq${kept}${reportedColumn} FROM audit_event a WHERE ${pageWhere.join(" AND ")} ORDER BY ${orderBy} ${limitRoundedUp(p, search.count + 1, search.offset)}`,
      p.values,
    ),
    search.total && !wholeTrail ? countedGroups(whereSql, counted.values) : undefined,
  ]);
  const groups = !kept ? counts : rows.length > 0 ? keptOf(rows[0]!.kept) : await keptCounts(patientId);
  const total = groups ? groups.others + groups.refused + groups.own : undefined;
  const page = rows.slice(0, search.count);
  const shown = page.map(({ kept: _kept, reported: _reported, ...row }) => row);
  await repo.audit({ patientId, entity: "AuditEvent", interaction: "search", outcome: "success", detail: { results: shown.length, offset: search.offset } });
  const reported = new Set(page.filter((row) => row.reported === true).map((row) => row.id));
  return { rows: shown, total, hasMore: rows.length > search.count, groups, last: shown.at(-1)?.seq, reported };
}

/** count(*) and the kept counts are bigints: strings through pg, bigints through PGlite. */
type Count = bigint | number | string;

/**
 * The whole trail's counts, kept by the chain trigger on the patient's chain head
 * (20261205010000_history_group_counts): three numbers, however long the trail. They count
 * every row, so they serve only a reader who sees every row, with no date filter.
 */
const KEPT_COUNTS_SQL = `(SELECT ARRAY[others_count, refused_count, own_count] FROM audit_chain_head WHERE chain_key = $1)`;

async function keptCounts(patientId: string): Promise<Record<HistoryGroup, number>> {
  const { sql } = await database();
  const [head] = await sql.query<{ kept: Count[] | null }>(`SELECT ${KEPT_COUNTS_SQL} AS kept`, [patientId]);
  return keptOf(head?.kept);
}

/** The kept counts as read: none yet is none of each. */
function keptOf(kept: Count[] | null | undefined): Record<HistoryGroup, number> {
  return { others: Number(kept?.[0] ?? 0), refused: Number(kept?.[1] ?? 0), own: Number(kept?.[2] ?? 0) };
}

/** The counts of what this reader sees of the trail, counted row by row (an index-only scan). */
async function countedGroups(whereSql: string, values: unknown[]): Promise<Record<HistoryGroup, number>> {
  const { sql } = await database();
  const counted = await sql.query<{ g: number; n: Count }>(
    `SELECT ${HISTORY_GROUP_SQL} AS g, count(*) AS n FROM audit_event a WHERE ${whereSql} GROUP BY 1`,
    values,
  );
  const groups = { others: 0, refused: 0, own: 0 };
  for (const row of counted) groups[GROUPS[Number(row.g)] ?? "others"] += Number(row.n);
  return groups;
}

export async function readAuditEvent(repo: Repository, id: string): Promise<AuditEvent> {
  repo.countRead();
  if (!isUuid(id)) throw notFound();
  const { sql } = await database();
  const [located] = await sql.query<{ patientId: string | null }>(
    `SELECT patient_id::text AS "patientId" FROM audit_event WHERE id = $1::uuid`,
    [id],
  );
  const patientId = located?.patientId;
  if (!patientId) throw notFound();
  const decision = await allowed(repo, "read", patientId);
  if (!decision.allow) {
    await repo.audit({ patientId, entity: `AuditEvent/${id}`, interaction: "read", outcome: "denied", reason: decision.reason });
    throw notFound();
  }
  const p = new SqlParams();
  const where = [`a.id = ${p.add(id)}::uuid`, ...visibleTerms(patientId, await hiddenFrom(repo, patientId), p)];
  const [row] = await sql.query<AuditRow>(`SELECT ${COLUMNS} FROM audit_event a WHERE ${where.join(" AND ")}`, p.values);
  if (!row) {
    await repo.audit({ patientId, entity: `AuditEvent/${id}`, interaction: "read", outcome: "denied", reason: "hidden-entity" });
    throw notFound();
  }
  await repo.audit({ patientId, entity: `AuditEvent/${id}`, interaction: "read", outcome: "success" });
  return toFhirAuditEvent(row);
}
