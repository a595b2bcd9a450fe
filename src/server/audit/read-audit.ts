import "@/server/server-only";
import type { Repository } from "../fhir/repository";
import { database } from "../db/client";
import { mayReadTrail as mayRead } from "./may-read-trail";

/**
 * The patient's own trace, read back for the pages ("who viewed this document", the emergency
 * notice). Gated by the same decision as any AuditEvent read: the patient and a guardian may
 * read it, a caregiver only with audit:read or privacy:manage, a professional never. Undefined when refused.
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


const SELECT = {
  id: true,
  recorded: true,
  agent: true,
  agentName: true,
  actorKind: true,
  onBehalfOf: true,
  interaction: true,
  outcome: true,
  reason: true,
  detail: true,
} as const;

function toView(row: { detail: unknown } & Omit<AuditView, "detail">): AuditView {
  const detail = row.detail && typeof row.detail === "object" && !Array.isArray(row.detail) ? (row.detail as Record<string, unknown>) : null;
  return { ...row, detail };
}

/** Successful reads and downloads of one document, newest first. */
export async function readDocumentViews(repo: Repository, patientId: string, documentId: string, limit = 50): Promise<AuditView[] | undefined> {
  if (!(await mayRead(repo, patientId))) return undefined;
  const { prisma } = await database();
  const rows = await prisma.auditEvent.findMany({
    where: {
      patientId,
      entity: `DocumentReference/${documentId}`,
      interaction: { in: ["read", "download"] },
      outcome: "success",
    },
    orderBy: { seq: "desc" },
    take: limit,
    select: SELECT,
  });
  return rows.map(toView);
}

/** Emergency accesses opened on the patient's record since `since`, newest first. */
export async function readEmergencyAccesses(repo: Repository, patientId: string, since: Date, limit = 10): Promise<AuditView[] | undefined> {
  if (!(await mayRead(repo, patientId))) return undefined;
  const { prisma } = await database();
  const rows = await prisma.auditEvent.findMany({
    where: { patientId, interaction: "emergency-access", outcome: "success", recorded: { gte: since } },
    orderBy: { seq: "desc" },
    take: limit,
    select: SELECT,
  });
  return rows.map(toView);
}

/** Which of these documents the actor has already opened or downloaded (for "new" badges). */
export async function documentsOpenedBy(repo: Repository, patientId: string, agent: string, documentIds: string[]): Promise<Set<string>> {
  if (documentIds.length === 0 || !(await mayRead(repo, patientId))) return new Set();
  const { prisma } = await database();
  const rows = await prisma.auditEvent.findMany({
    where: {
      patientId,
      agent,
      entity: { in: documentIds.map((id) => `DocumentReference/${id}`) },
      interaction: { in: ["read", "download"] },
      outcome: "success",
    },
    distinct: ["entity"],
    select: { entity: true },
  });
  return new Set(rows.map((row) => row.entity?.replace(/^DocumentReference\//, "") ?? ""));
}

/** One entry of the patient's trail, by id (for "Je ne reconnais pas cet accès"); undefined when refused or absent. */
export async function readAuditEntry(repo: Repository, patientId: string, id: string): Promise<AuditView | undefined> {
  if (!(await mayRead(repo, patientId))) return undefined;
  const { prisma } = await database();
  const row = await prisma.auditEvent.findFirst({ where: { id, patientId }, select: SELECT });
  return row ? toView(row) : undefined;
}

/** Which of these entries the patient reported as not recognised. */
export async function reportedEntries(repo: Repository, patientId: string, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0 || !(await mayRead(repo, patientId))) return new Set();
  const { prisma } = await database();
  const rows = await prisma.auditEvent.findMany({
    where: { patientId, interaction: "report-access", entity: { in: ids.map((id) => `AuditEvent/${id}`) } },
    select: { entity: true },
  });
  return new Set(rows.map((row) => row.entity?.replace(/^AuditEvent\//, "") ?? ""));
}
