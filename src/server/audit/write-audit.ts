import "@/server/server-only";
import { randomUUID } from "node:crypto";
import { agentRef, onBehalfOf, type Actor } from "../access/actor";
import type { Queryable } from "../db/queryable";
import { sanitiseForAudit, type AuditEntry, type RequestContext } from "./audit-entry";

/** One audit_event row, columns in the order of AUDIT_COLUMNS. The chain columns are the trigger's. */
export type AuditRow = readonly unknown[];

const AUDIT_COLUMNS = [
  ["id", "uuid"],
  ["recorded", "timestamptz"],
  ["agent", "text"],
  ["agent_name", "text"],
  ["on_behalf_of", "text"],
  ["actor_kind", "text"],
  ["patient_id", "uuid"],
  ["entity", "text"],
  ["interaction", "text"],
  ["outcome", "text"],
  ["reason", "text"],
  ["address", "text"],
  ["user_agent", "text"],
  ["detail", "jsonb"],
] as const;

export function auditRow(actor: Actor, ctx: RequestContext, entry: AuditEntry, now: Date): AuditRow {
  const detail = entry.detail
    ? Object.fromEntries(
        Object.entries(entry.detail).map(([k, v]) => [k, typeof v === "string" ? (sanitiseForAudit(v, 512) ?? null) : v]),
      )
    : undefined;
  return [
    randomUUID(),
    now.toISOString(),
    agentRef(actor),
    sanitiseForAudit(ctx.agentName, 128) ?? null,
    onBehalfOf(actor) ?? null,
    actor.kind,
    entry.patientId,
    entry.entity ?? null,
    entry.interaction,
    entry.outcome,
    sanitiseForAudit(entry.reason, 512) ?? null,
    sanitiseForAudit(ctx.address, 64) ?? null,
    sanitiseForAudit(ctx.userAgent, 256) ?? null,
    detail ? JSON.stringify(detail) : null,
  ];
}

/**
 * Inserts rows in one statement, in their order: the database's trigger chains each row's hash
 * to the previous row of the same patient (see the audit_chain migration), row after row.
 */
export async function insertAuditRows(db: Queryable, rows: readonly AuditRow[]): Promise<void> {
  if (rows.length === 0) return;
  const params: unknown[] = [];
  const tuples = rows.map((row) => {
    const cells = AUDIT_COLUMNS.map(([, type], i) => {
      params.push(row[i]);
      return `$${params.length}::${type}`;
    });
    return `(${cells.join(", ")})`;
  });
  await db.query(`INSERT INTO audit_event (${AUDIT_COLUMNS.map(([name]) => name).join(", ")}) VALUES ${tuples.join(", ")}`, params);
}

/**
 * Writes one audit row on `db`: inside the transaction of the change it records, so the row
 * and the change commit together.
 */
export async function writeAudit(db: Queryable, actor: Actor, ctx: RequestContext, entry: AuditEntry, now: Date): Promise<void> {
  await insertAuditRows(db, [auditRow(actor, ctx, entry, now)]);
}
