import { t } from "@/lib/i18n/messages";
import type { HistoryGroup } from "../audit/read-audit-events";
import { AGENT_KINDS, detailOf, isBreakTheGlass, literalReference, type AuditRow } from "../audit/to-fhir-audit-event";
import { typesOfEntity } from "../audit/types-searched";

export type HistoryEntry = {
  id: string;
  when: string;
  /** The display name the row recorded, or the directory's, or the kind of actor (the service, said as such, for the system). */
  who: string;
  /** "Practitioner", "Patient"…: the type of the agent's reference, when it has one. */
  agentType?: string;
  /** A caregiver's or guardian's action names the patient it was done for. */
  onBehalf: boolean;
  interaction: string;
  outcome: "success" | "denied" | "failure";
  /**
   * The resource types touched ("DocumentReference"…), when the row names them: one, or several
   * for a search of several types at once (types-searched.ts).
   */
  resourceTypes: string[];
  /** The reason typed for an emergency access. */
  emergencyReason?: string;
  /** Opened, or done, under an emergency access (purpose of use break-the-glass). */
  breakTheGlass: boolean;
  group: HistoryGroup;
  /** The patient reported this access as not recognised ("Je ne reconnais pas cet accès"). */
  reported: boolean;
};

/** The agent's reference, when the row's agent is one ("Practitioner/<uuid>"…), as the AuditEvent's agent.who names it. */
export function agentReference(row: Pick<AuditRow, "agent">): string | undefined {
  return literalReference(row.agent);
}

/**
 * One row of the trail as the history page shows it, straight from the row. It says what the
 * row's FHIR AuditEvent (toFhirAuditEvent, what the API answers) says, field for field; a
 * property test holds the two together (tests/unit/history/history-entry.property.test.ts).
 * Why not through the AuditEvent: building it and reading it back cost the page 92 µs a view
 * (20 rows; issue 16's profile of the history page), for fields the page then drops.
 */
export function toHistoryEntry(row: AuditRow, names: ReadonlyMap<string, string>, patientId: string, reported: ReadonlySet<string>): HistoryEntry {
  const reference = agentReference(row);
  // Anything but a success or a refusal reads as a failure, as the AuditEvent's outcome "8".
  const outcome = row.outcome === "success" || row.outcome === "denied" ? row.outcome : "failure";
  const types = typesOfEntity(row.entity);
  const named = types ?? (row.entity ? [(literalReference(row.entity) ?? row.entity).split("/")[0]!] : []);
  return {
    id: row.id,
    when: row.recorded.toISOString(),
    who: row.agentName ?? (reference ? names.get(reference) : undefined) ?? (row.actorKind === "system" ? t("history.serviceAgent") : (AGENT_KINDS[row.actorKind] ?? row.actorKind)),
    agentType: reference?.split("/")[0],
    onBehalf: !!row.onBehalfOf,
    interaction: row.interaction,
    outcome,
    resourceTypes: [...new Set(named.filter((type) => type !== ""))],
    // A search of several types carries only counts in its detail, never a reason.
    emergencyReason: row.interaction === "emergency-access" && !types ? detailOf(row.detail).find((d) => d.type === "reason")?.valueString : undefined,
    breakTheGlass: isBreakTheGlass(row),
    // As HISTORY_GROUP_SQL groups the rows (read-audit-events.ts).
    group: reference === `Patient/${patientId}` ? "own" : outcome === "denied" ? "refused" : "others",
    reported: reported.has(row.id),
  };
}
