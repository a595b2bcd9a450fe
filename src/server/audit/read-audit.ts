import "@/server/server-only";
import { DOCUMENT_VIEWS_SHOWN } from "@/lib/documents/document-views-shown";
import type { Repository } from "../fhir/repository";
import { database } from "../db/client";
import { isUuid } from "../fhir/ids";
import { entityAndVersions } from "./entity-and-versions";
import { mayReadTrail as mayRead } from "./may-read-trail";

/**
 * The patient's own trace, read back for the pages ("who viewed this document", the emergency
 * notice). Gated by the same decision as any AuditEvent read: the patient and a guardian may
 * read it, a caregiver only with audit:read or privacy:manage, a professional never. Undefined when refused.
 *
 * They go through the prepared driver rather than Prisma, being made on every view of busy pages
 * (the home's emergency notice, a document's viewers, the documents list's "new" badges, the
 * history's reported entries): a Prisma query cost 440 µs of CPU where the same statement costs
 * 85 µs (issue 16, measured on the pages bench's world), a page's whole budget being 8 ms.
 */
export type AuditView = {
  id: string;
  recorded: Date;
  agent: string;
  agentName: string | null;
  actorKind: string;
  onBehalfOf: string | null;
  interaction: string;
  outcome: string;
  reason: string | null;
  detail: Record<string, unknown> | null;
};

/** The columns of an AuditView, for the statements written by hand below. */
const COLUMNS = `id::text AS id, recorded, agent, agent_name AS "agentName", actor_kind AS "actorKind", on_behalf_of AS "onBehalfOf",
  interaction, outcome, reason, detail`;

type ViewRow = Omit<AuditView, "detail"> & { detail: unknown };

/**
 * An AuditView from a row of COLUMNS, member by member: a document's page converts up to 250 of
 * them on every view, and copied each row whole twice (`{ part, ...row }` to drop the statement's
 * own column, then `{ ...row, detail }`), the page's costliest work of its own after rendering.
 * Measured with profile-by-page.mjs (issue 16): the views' read 207 -> 139 µs a view (inclusive);
 * under load the page's throughput did not measurably change (ab.mjs, both ways round). Only the
 * AuditView's members are kept, whatever else a statement selected.
 */
function toView(row: ViewRow): AuditView {
  const detail = row.detail && typeof row.detail === "object" && !Array.isArray(row.detail) ? (row.detail as Record<string, unknown>) : null;
  return {
    id: row.id,
    recorded: row.recorded,
    agent: row.agent,
    agentName: row.agentName,
    actorKind: row.actorKind,
    onBehalfOf: row.onBehalfOf,
    interaction: row.interaction,
    outcome: row.outcome,
    reason: row.reason,
    detail,
  };
}

/** The others' views and the patient's own last, from views newest first. */
function splitViews(newestFirst: AuditView[], patientId: string): { others: AuditView[]; patientsLast: AuditView | undefined } {
  const patient = `Patient/${patientId}`;
  return { others: newestFirst.filter((row) => row.agent !== patient), patientsLast: newestFirst.find((row) => row.agent === patient) };
}

type SeqValue = string | number | bigint;

/**
 * Newest first whatever order a statement's parts came back in: by when, then by the trail's order
 * (seq, a bigint the driver may give as a string) for rows of the same instant.
 */
function newestFirst(a: { recorded: Date; seq: SeqValue }, b: { recorded: Date; seq: SeqValue }): number {
  const byWhen = b.recorded.getTime() - a.recorded.getTime();
  if (byWhen !== 0) return byWhen;
  const [x, y] = [BigInt(a.seq), BigInt(b.seq)];
  return x === y ? 0 : x < y ? 1 : -1;
}

/** Whether a row of the trail is the patient's own act (1) or someone else's (0), as the index of the document's views has it. */
const BY_PATIENT = `(CASE WHEN agent = 'Patient/' || patient_id::text THEN 1 ELSE 0 END)`;

/**
 * The newest ($limit) reads of one document by others (byPatient 0) or by the patient (1); $2 its
 * names, entityAndVersions("DocumentReference/<id>"): the document itself first, then its
 * versions; $4 its id. Its reads and downloads straight from their part of their index
 * (prisma/migrations/20261215010000_document_views_by_whom); its older versions' reads (a
 * professional's `GET DocumentReference/<id>/_history/1`, a "vread" row naming the version), each
 * version's newest from theirs (20261229030000_document_version_reads_index); then the newest of
 * those few.
 *
 * Only the versions the document has (up to its current one): each name asked of an index is a
 * step down it, wherever nothing is found, and the 50 names of entityAndVersions cost the
 * statement 0.2-0.7 ms where the document's own reads cost 0.05 (EXPLAIN ANALYZE on the plan
 * test's trail), for a document mostly in its first version or its second.
 */
const viewsOfDocument = (byPatient: 0 | 1, limit: string) => `SELECT * FROM (
    (SELECT seq, ${COLUMNS} FROM audit_event
      WHERE patient_id = $1::uuid AND entity = ($2::text[])[1] AND interaction IN ('read', 'download') AND outcome = 'success' AND ${BY_PATIENT} = ${byPatient}
      ORDER BY seq DESC LIMIT ${limit})
    UNION ALL
    (SELECT version.* FROM unnest(($2::text[])[2 : 1 + (SELECT version_id FROM fhir_resource WHERE id = $4::uuid)]) AS named(entity)
      CROSS JOIN LATERAL (SELECT seq, ${COLUMNS} FROM audit_event
        WHERE patient_id = $1::uuid AND entity = named.entity AND interaction = 'vread' AND outcome = 'success' AND ${BY_PATIENT} = ${byPatient}
        ORDER BY seq DESC LIMIT ${limit}) AS version)
  ) AS reads ORDER BY seq DESC LIMIT ${limit}`;

/**
 * The newest reads of one document by others than the patient ($3 of them), then the patient's
 * own newest, its older versions' among them ($1 the patient, $2 its names, $4 its id, as
 * viewsOfDocument); the plan is checked by tests/integration/audit/document-views-plan.test.ts.
 * Each row's `seq` first.
 */
export const DOCUMENT_VIEWS_SQL = `(${viewsOfDocument(0, "$3")})
  UNION ALL
  (${viewsOfDocument(1, "1")})`;

/**
 * A document's views ($1 the patient, $2 the document's names, $3 of them, $4 its id, as
 * DOCUMENT_VIEWS_SQL) and the emergency accesses opened on the record since $5 ($6 of them, as
 * readEmergencyAccesses), each row saying which it is. The document's page needs the second to
 * mark which professional's views were made under emergency access, and asked for it once the
 * views were in: a third wave of statements, beside the names (issue 16). The emergency accesses
 * come from their own partial index (audit_patient_emergency_idx) and are mostly none.
 */
export const DOCUMENT_VIEWS_AND_EMERGENCIES_SQL = `SELECT 'view' AS part, views.* FROM (${DOCUMENT_VIEWS_SQL}) AS views
  UNION ALL
  (SELECT 'emergency' AS part, seq, ${COLUMNS} FROM audit_event
    WHERE patient_id = $1::uuid AND interaction = 'emergency-access' AND outcome = 'success' AND recorded >= $5
    ORDER BY seq DESC LIMIT $6)`;

/** The record's emergency accesses, whenever opened, up to this many: enough to mark each view made under one. */
const EVERY_EMERGENCY_SINCE = new Date(0);
const EMERGENCIES_READ = 200;

/**
 * "Qui a consulté ce document": the newest views by anyone but the patient (DOCUMENT_VIEWS_SHOWN), and
 * the patient's own newest one, apart, so that a patient opening their document again and again
 * never pushes someone else's view of it off the page (security case 45, as on the history); with
 * the record's emergency accesses, newest first, in the same statement.
 */
export async function readDocumentViewsWithEmergencies(
  repo: Repository,
  patientId: string,
  documentId: string,
): Promise<{ others: AuditView[]; patientsLast: AuditView | undefined; emergencies: AuditView[]; /** Older views by others than those shown. */ more: boolean } | undefined> {
  if (!(await mayRead(repo, patientId))) return undefined;
  const { sql } = await database();
  const rows = await sql.query<ViewRow & { part: string; seq: SeqValue }>(DOCUMENT_VIEWS_AND_EMERGENCIES_SQL, [
    patientId,
    // Its older versions' reads too (a professional's `GET DocumentReference/<id>/_history/1`), as its whole history lists them.
    entityAndVersions(`DocumentReference/${documentId}`),
    // One more than shown: whether there are older ones, which the page then says.
    DOCUMENT_VIEWS_SHOWN + 1,
    // Its versions (none for an id that names no document).
    isUuid(documentId) ? documentId : null,
    EVERY_EMERGENCY_SINCE,
    EMERGENCIES_READ,
  ]);
  const views: AuditView[] = [];
  const emergencies: AuditView[] = [];
  for (const row of rows.sort(newestFirst)) {
    if (row.part === "view") views.push(toView(row));
    else if (row.part === "emergency") emergencies.push(toView(row));
  }
  const { others, patientsLast } = splitViews(views, patientId);
  return {
    others: others.slice(0, DOCUMENT_VIEWS_SHOWN),
    patientsLast,
    emergencies,
    more: others.length > DOCUMENT_VIEWS_SHOWN,
  };
}

/**
 * Emergency accesses opened on the patient's record since `since`, newest first; with
 * `emergency-end`, those the professional ended before their hour was over (end-emergency-access.ts).
 */
export async function readEmergencyAccesses(
  repo: Repository,
  patientId: string,
  since: Date,
  limit = 10,
  interaction: "emergency-access" | "emergency-end" = "emergency-access",
): Promise<AuditView[] | undefined> {
  if (!(await mayRead(repo, patientId))) return undefined;
  const { sql } = await database();
  const rows = await sql.query<ViewRow>(EMERGENCY_ROWS[interaction], [patientId, since, limit]);
  return rows.map(toView);
}

/**
 * The interaction written in each text, not passed as a parameter: each kind's partial index
 * (audit_patient_emergency_idx, audit_patient_emergency_end_idx) serves only a statement whose
 * text names its kind. With the kind as $4 the planner could use neither, and the home page of a
 * patient with 100,000 rows in her trail walked them all (34 ms, pages bench run 123).
 */
export const EMERGENCY_ROWS: Record<"emergency-access" | "emergency-end", string> = {
  "emergency-access": `SELECT ${COLUMNS} FROM audit_event
      WHERE patient_id = $1::uuid AND interaction = 'emergency-access' AND outcome = 'success' AND recorded >= $2
      ORDER BY seq DESC LIMIT $3`,
  "emergency-end": `SELECT ${COLUMNS} FROM audit_event
      WHERE patient_id = $1::uuid AND interaction = 'emergency-end' AND outcome = 'success' AND recorded >= $2
      ORDER BY seq DESC LIMIT $3`,
};

/**
 * Which of these documents ($3, "DocumentReference/<id>" each) of patient $1 reader $2 has opened
 * or downloaded at least once; $4: whether that reader is the patient (1) or not (0).
 * Whether each was opened once, not every time it was: DISTINCT read every read of a document by
 * anyone to keep this reader's, 5.4-6.4 ms on the bench's world for a document one reader had
 * opened 8,000 times; EXISTS stops at the first, 0.2-0.3 ms (issue 16). It still walked every
 * other reader's reads of a document this reader had not opened (a new one, the very case it is
 * asked about) before finding none. The index keeps the patient's own reads apart from everyone
 * else's (BY_PATIENT, prisma/migrations/20261215010000_document_views_by_whom): naming the part
 * the reader's reads are in, the patient's own check never walks the others' (the plan is checked
 * by tests/integration/audit/document-views-plan.test.ts).
 */
export const DOCUMENTS_OPENED_SQL = `SELECT d.entity FROM unnest($3::text[]) AS d(entity)
  WHERE EXISTS (SELECT 1 FROM audit_event a
                 WHERE a.patient_id = $1::uuid AND a.entity = d.entity AND ${BY_PATIENT} = $4::int AND a.agent = $2
                   AND a.interaction IN ('read', 'download') AND a.outcome = 'success')`;

/** Which of these documents the actor has already opened or downloaded (for "new" badges). */
export async function documentsOpenedBy(repo: Repository, patientId: string, agent: string, documentIds: string[]): Promise<Set<string>> {
  if (documentIds.length === 0 || !(await mayRead(repo, patientId))) return new Set();
  const { sql } = await database();
  const rows = await sql.query<{ entity: string | null }>(DOCUMENTS_OPENED_SQL, [
    patientId,
    agent,
    [...new Set(documentIds)].map((id) => `DocumentReference/${id}`),
    agent === `Patient/${patientId}` ? 1 : 0,
  ]);
  return new Set(rows.map((row) => row.entity?.replace(/^DocumentReference\//, "") ?? ""));
}

/** One entry of the patient's trail, by id (for "Je ne reconnais pas cet accès"); undefined when refused or absent. */
export async function readAuditEntry(repo: Repository, patientId: string, id: string): Promise<AuditView | undefined> {
  if (!(await mayRead(repo, patientId))) return undefined;
  if (!isUuid(id)) return undefined;
  const { sql } = await database();
  const [row] = await sql.query<ViewRow>(`SELECT ${COLUMNS} FROM audit_event WHERE id = $1::uuid AND patient_id = $2::uuid`, [id, patientId]);
  return row ? toView(row) : undefined;
}

/** Which of these entries the patient reported as not recognised. */
export async function reportedEntries(repo: Repository, patientId: string, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0 || !(await mayRead(repo, patientId))) return new Set();
  const { sql } = await database();
  const rows = await sql.query<{ entity: string | null }>(
    "SELECT entity FROM audit_event WHERE patient_id = $1::uuid AND interaction = 'report-access' AND entity = ANY($2::text[])",
    [patientId, ids.map((id) => `AuditEvent/${id}`)],
  );
  return new Set(rows.map((row) => row.entity?.replace(/^AuditEvent\//, "") ?? ""));
}
