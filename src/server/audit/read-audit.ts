import "@/server/server-only";
import type { Repository } from "../fhir/repository";
import { database } from "../db/client";
import { isUuid } from "../fhir/ids";
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

function toView(row: ViewRow): AuditView {
  const detail = row.detail && typeof row.detail === "object" && !Array.isArray(row.detail) ? (row.detail as Record<string, unknown>) : null;
  return { ...row, detail };
}

/** Successful reads and downloads of one document, newest first. */
export async function readDocumentViews(repo: Repository, patientId: string, documentId: string, limit = 50): Promise<AuditView[] | undefined> {
  if (!(await mayRead(repo, patientId))) return undefined;
  const { sql } = await database();
  const rows = await sql.query<ViewRow>(DOCUMENT_VIEWS_SQL, [patientId, `DocumentReference/${documentId}`, limit]);
  return rows.map(toView);
}

/**
 * The newest reads of one document ($1 the patient, $2 "DocumentReference/<id>", $3 how many),
 * from their own index (prisma/migrations/20261214020000_document_views_index; its plan is
 * checked by tests/integration/audit/document-views-plan.test.ts).
 */
export const DOCUMENT_VIEWS_SQL = `SELECT ${COLUMNS} FROM audit_event
      WHERE patient_id = $1::uuid AND entity = $2 AND interaction IN ('read', 'download') AND outcome = 'success'
      ORDER BY seq DESC LIMIT $3`;

/** Emergency accesses opened on the patient's record since `since`, newest first. */
export async function readEmergencyAccesses(repo: Repository, patientId: string, since: Date, limit = 10): Promise<AuditView[] | undefined> {
  if (!(await mayRead(repo, patientId))) return undefined;
  const { sql } = await database();
  const rows = await sql.query<ViewRow>(
    `SELECT ${COLUMNS} FROM audit_event
      WHERE patient_id = $1::uuid AND interaction = 'emergency-access' AND outcome = 'success' AND recorded >= $2
      ORDER BY seq DESC LIMIT $3`,
    [patientId, since, limit],
  );
  return rows.map(toView);
}

/** Which of these documents the actor has already opened or downloaded (for "new" badges). */
export async function documentsOpenedBy(repo: Repository, patientId: string, agent: string, documentIds: string[]): Promise<Set<string>> {
  if (documentIds.length === 0 || !(await mayRead(repo, patientId))) return new Set();
  const { sql } = await database();
  const rows = await sql.query<{ entity: string | null }>(
    `SELECT DISTINCT entity FROM audit_event
      WHERE patient_id = $1::uuid AND agent = $2 AND entity = ANY($3::text[]) AND interaction IN ('read', 'download') AND outcome = 'success'`,
    [patientId, agent, documentIds.map((id) => `DocumentReference/${id}`)],
  );
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
