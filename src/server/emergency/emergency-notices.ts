import "@/server/server-only";
import { spaceOf, type Actor } from "../access/actor";
import { readEmergencyAccesses, reportedEntries, type AuditView } from "../audit/read-audit";
import { directoryNames } from "../documents/directory-names";
import { mayManagePrivacy } from "../documents/privacy-rights";
import type { Repository } from "../fhir/repository";

/**
 * `entryId`: the trail's entry, for "Je ne reconnais pas cet accès"; `reported` once the patient
 * did; `mayReport` when the reader may (it blocks the professional: a change of the sharing
 * settings, which a caregiver who may only see the trail cannot make).
 */
export type EmergencyNotice = { entryId: string; when: Date; practitioner?: string; reason: string; reported: boolean; mayReport: boolean; endedAt?: Date };

/** How long the home page keeps telling the patient about an emergency access. */
export const NOTICE_DAYS = 30;

/**
 * The emergency accesses of the last 30 days, for the notice on the patient's home page. Read
 * from the audit trail, so only those who may read the patient's trail see them.
 */
export async function emergencyNotices(repo: Repository, actor: Actor = repo.actor): Promise<EmergencyNotice[]> {
  const patientId = spaceOf(actor);
  if (!patientId) return [];
  const since = new Date(repo.now().getTime() - NOTICE_DAYS * 24 * 3600 * 1000);
  const [rows = [], ends = []] = await Promise.all([readEmergencyAccesses(repo, patientId, since), readEmergencyAccesses(repo, patientId, since, 10, "emergency-end")]);
  const names = await directoryNames(repo, rows.map((r) => r.agent));
  const reported = await reportedEntries(repo, patientId, rows.map((r) => r.id));
  const mayReport = rows.length > 0 && (await mayManagePrivacy(repo, patientId));
  return rows.map((row) => ({
    mayReport,
    entryId: row.id,
    reported: reported.has(row.id),
    when: row.recorded,
    practitioner: names.get(row.agent) ?? row.agentName ?? undefined,
    reason: typeof row.detail?.reason === "string" ? row.detail.reason : "",
    ...endOf(row, ends),
  }));
}

/**
 * When the professional ended this access herself, before its hour was over: her end row names
 * the same hour (`plannedUntil`, the access's `until`) and the same professional.
 */
function endOf(access: AuditView, ends: AuditView[]): { endedAt?: Date } {
  const end = ends.find((row) => row.agent === access.agent && typeof access.detail?.until === "string" && row.detail?.plannedUntil === access.detail.until);
  return end ? { endedAt: end.recorded } : {};
}
