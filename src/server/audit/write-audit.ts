import "server-only";
import { randomUUID } from "node:crypto";
import { agentRef, onBehalfOf, type Actor } from "../access/actor";
import type { PrismaClient } from "../db/generated/prisma/client";
import type { TransactionClient } from "../db/generated/prisma/internal/prismaNamespace";
import { sanitiseForAudit, type AuditEntry, type RequestContext } from "./audit-entry";

/**
 * Writes one audit row. Called inside the transaction of the change it records (the row and the
 * change commit together); the database chains its hash to the patient's previous row.
 */
export async function writeAudit(
  db: PrismaClient | TransactionClient,
  actor: Actor,
  ctx: RequestContext,
  entry: AuditEntry,
  now: Date,
): Promise<void> {
  const detail = entry.detail
    ? Object.fromEntries(
        Object.entries(entry.detail).map(([k, v]) => [k, typeof v === "string" ? (sanitiseForAudit(v, 512) ?? null) : v]),
      )
    : undefined;
  await db.auditEvent.create({
    data: {
      id: randomUUID(),
      recorded: now,
      agent: agentRef(actor),
      agentName: sanitiseForAudit(ctx.agentName, 128) ?? null,
      onBehalfOf: onBehalfOf(actor) ?? null,
      actorKind: actor.kind,
      patientId: entry.patientId,
      entity: entry.entity ?? null,
      interaction: entry.interaction,
      outcome: entry.outcome,
      reason: sanitiseForAudit(entry.reason, 512) ?? null,
      address: sanitiseForAudit(ctx.address, 64) ?? null,
      userAgent: sanitiseForAudit(ctx.userAgent, 256) ?? null,
      detail: detail ?? undefined,
    },
  });
}
