import "server-only";
import type { AuditEvent } from "@medplum/fhirtypes";
import { ACT_REASON, AUDIT_INTERACTION_SYSTEM } from "../audit/to-fhir-audit-event";
import { searchAuditEvents } from "../audit/read-audit-events";
import { directoryNames } from "../documents/directory-names";
import type { Repository } from "../fhir/repository";

/**
 * The patient's access history page: their audit trail, newest first, one entry per row, as
 * the repository lets this actor read it (the patient and a guardian; a caregiver only with
 * privacy:manage; a professional never). Emergency accesses carry the reason the professional
 * typed, so the patient reads it in their own words.
 */
export const HISTORY_PAGE_SIZE = 50;
/** Far enough back for anyone reading; the trail itself keeps everything. */
export const HISTORY_MAX_PAGE = 200;

export type HistoryEntry = {
  id: string;
  when: string;
  /** The display name the row recorded, or the directory's, or the kind of actor. */
  who: string;
  /** "Practitioner", "Patient"…: the type of the agent's reference, when it has one. */
  agentType?: string;
  /** A caregiver's or guardian's action names the patient it was done for. */
  onBehalf: boolean;
  interaction: string;
  outcome: "success" | "denied" | "failure";
  /** The resource type touched ("DocumentReference"…), when the row names one. */
  resourceType?: string;
  /** The reason typed for an emergency access. */
  emergencyReason?: string;
  /** Opened, or done, under an emergency access (purpose of use break-the-glass). */
  breakTheGlass: boolean;
};

export type AccessHistory = { allowed: boolean; entries: HistoryEntry[]; total: number; page: number; pageCount: number };

const OUTCOMES: Record<string, HistoryEntry["outcome"]> = { "0": "success", "4": "denied", "8": "failure" };

function interactionOf(event: AuditEvent): string {
  return event.subtype?.find((c) => c.system === AUDIT_INTERACTION_SYSTEM)?.code ?? "other";
}

function toEntry(event: AuditEvent, names: Map<string, string>): HistoryEntry {
  const [agent, ...others] = event.agent ?? [];
  const reference = agent?.who?.reference;
  const objects = (event.entity ?? []).filter((e) => e.role?.code !== "1");
  const what = objects.find((e) => e.what?.reference)?.what?.reference ?? objects.find((e) => e.name)?.name;
  const interaction = interactionOf(event);
  const reason = objects.flatMap((e) => e.detail ?? []).find((d) => d.type === "reason")?.valueString;
  return {
    id: event.id ?? "",
    when: event.recorded ?? "",
    who: agent?.name ?? (reference ? names.get(reference) : undefined) ?? agent?.type?.text ?? "",
    agentType: reference?.split("/")[0],
    onBehalf: others.length > 0,
    interaction,
    outcome: OUTCOMES[event.outcome ?? "8"] ?? "failure",
    resourceType: what?.split("/")[0] || undefined,
    emergencyReason: interaction === "emergency-access" ? reason : undefined,
    breakTheGlass: (event.purposeOfEvent ?? []).some((purpose) => (purpose.coding ?? []).some((c) => c.system === ACT_REASON && c.code === "BTG")),
  };
}

export async function listAccessHistory(repo: Repository, patientId: string, requestedPage: number): Promise<AccessHistory> {
  const page = Math.min(Math.max(Math.trunc(requestedPage) || 1, 1), HISTORY_MAX_PAGE);
  const allowed = (await repo.decideOn("search", { resourceType: "AuditEvent", patientId, confidentiality: "N", labels: [] })).allow;
  if (!allowed) return { allowed, entries: [], total: 0, page: 1, pageCount: 1 };
  const result = await searchAuditEvents(repo, {
    patientId,
    count: HISTORY_PAGE_SIZE,
    offset: (page - 1) * HISTORY_PAGE_SIZE,
    sort: "-date",
    total: true,
  });
  const names = await directoryNames(
    repo,
    result.events.map((e) => e.agent?.[0]?.who?.reference),
  );
  const total = result.total ?? result.events.length;
  return {
    allowed,
    entries: result.events.map((e) => toEntry(e, names)),
    total,
    page,
    pageCount: Math.max(1, Math.min(HISTORY_MAX_PAGE, Math.ceil(total / HISTORY_PAGE_SIZE))),
  };
}
