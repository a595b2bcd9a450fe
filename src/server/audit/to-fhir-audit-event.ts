import type { AuditEvent, AuditEventAgent, AuditEventEntity, Coding } from "@medplum/fhirtypes";
import { SUPPORTED_TYPES } from "../access/facts";
import { isUuid } from "../fhir/ids";
import { resultsKey, typesOfEntity } from "./types-searched";

/**
 * One row of the audit table as a FHIR R4 AuditEvent, for the patient who reads their trace.
 * The row's network address and user agent stay in the table (for investigations): they are
 * personal data of whoever acted, often a professional, and the patient needs who and what,
 * not where from.
 */
export type AuditRow = {
  id: string;
  recorded: Date;
  agent: string;
  agentName: string | null;
  actorKind: string;
  onBehalfOf: string | null;
  patientId: string | null;
  entity: string | null;
  interaction: string;
  outcome: string;
  reason: string | null;
  detail: unknown;
};

export const AUDIT_INTERACTION_SYSTEM = "https://espace-sante.example/fhir/CodeSystem/audit-interaction";
const AUDIT_EVENT_TYPE = "http://terminology.hl7.org/CodeSystem/audit-event-type";
const RESTFUL_INTERACTION = "http://hl7.org/fhir/restful-interaction";
const ENTITY_TYPE = "http://terminology.hl7.org/CodeSystem/audit-entity-type";
const OBJECT_ROLE = "http://terminology.hl7.org/CodeSystem/object-role";
const SOURCE_TYPE = "http://terminology.hl7.org/CodeSystem/security-source-type";
const PARTICIPATION = "http://terminology.hl7.org/CodeSystem/v3-ParticipationType";
export const ACT_REASON = "http://terminology.hl7.org/CodeSystem/v3-ActReason";

/**
 * Break-the-glass (HL7 v3 ActReason BTG) as the purpose of the event: the opening of an
 * emergency access, and everything the repository recorded as done under it (detail
 * purposeOfUse, see read-repository.ts), so any FHIR client reading the trail sees it.
 */
function purposeOf(row: AuditRow): AuditEvent["purposeOfEvent"] {
  if (!isBreakTheGlass(row)) return undefined;
  return [{ coding: [{ system: ACT_REASON, code: "BTG", display: "break the glass" }], text: "Accès en urgence" }];
}

/** The opening of an emergency access, its early end, or an act done under one. */
export function isBreakTheGlass(row: Pick<AuditRow, "interaction" | "detail">): boolean {
  const detail = row.detail && typeof row.detail === "object" ? (row.detail as Record<string, unknown>) : {};
  return row.interaction === "emergency-access" || row.interaction === "emergency-end" || detail.purposeOfUse === "BTG";
}

/** Our interactions that are plain FHIR REST interactions, with their FHIR code. */
const RESTFUL: Record<string, string> = {
  read: "read",
  vread: "vread",
  search: "search-type",
  history: "history-instance",
  create: "create",
  update: "update",
  delete: "delete",
};

const ACTIONS: Record<string, AuditEvent["action"]> = {
  create: "C",
  read: "R",
  vread: "R",
  search: "R",
  history: "R",
  download: "R",
  export: "R",
  "link-open": "R",
  update: "U",
  share: "U",
  "revoke-share": "U",
  dispense: "U",
  delete: "D",
};

const OUTCOMES: Record<string, AuditEvent["outcome"]> = { success: "0", denied: "4", failure: "8" };

export const AGENT_KINDS: Record<string, string> = {
  patient: "Patient",
  guardian: "Représentant légal",
  delegate: "Aidant",
  practitioner: "Professionnel de santé",
  link: "Lien de partage",
  system: "Système",
};

/** "Type/<uuid>" (optionally "/_history/<n>") of a type the store keeps, or undefined. */
export function literalReference(value: string): string | undefined {
  const [type, id, history, version, ...rest] = value.split("/");
  if (rest.length > 0 || !type || !SUPPORTED_TYPES.includes(type) || !isUuid(id ?? "")) return undefined;
  if (history === undefined) return `${type}/${id}`;
  return history === "_history" && /^\d{1,9}$/.test(version ?? "") ? value : undefined;
}

function agentsOf(row: AuditRow): AuditEventAgent[] {
  const kind = AGENT_KINDS[row.actorKind] ?? row.actorKind;
  const reference = literalReference(row.agent);
  const agents: AuditEventAgent[] = [
    {
      type: { text: kind },
      who: reference ? { reference, display: row.agentName ?? undefined } : { display: row.agentName ?? kind },
      name: row.agentName ?? undefined,
      requestor: true,
    },
  ];
  if (row.onBehalfOf) {
    const onBehalf = literalReference(row.onBehalfOf);
    agents.push({
      type: { coding: [{ system: PARTICIPATION, code: "RESP", display: "responsible party" }], text: "Au nom de" },
      ...(onBehalf ? { who: { reference: onBehalf } } : {}),
      requestor: false,
    });
  }
  return agents;
}

/** The row's detail as FHIR's entity details: its plain values (not nested ones), at most 20. */
export function detailOf(detail: unknown): { type: string; valueString: string }[] {
  if (!detail || typeof detail !== "object" || Array.isArray(detail)) return [];
  return Object.entries(detail as Record<string, unknown>)
    .filter(([, value]) => value !== null && value !== undefined && typeof value !== "object")
    .slice(0, 20)
    .map(([type, value]) => ({ type, valueString: String(value) }));
}

/** `types`: the row's types when it is a search of several (typesOfEntity), read once by toFhirAuditEvent. */
function entitiesOf(row: AuditRow, types: string[] | undefined): AuditEventEntity[] {
  const entities: AuditEventEntity[] = [];
  if (row.patientId) {
    entities.push({
      what: { reference: `Patient/${row.patientId}` },
      type: { system: ENTITY_TYPE, code: "1", display: "Person" },
      role: { system: OBJECT_ROLE, code: "1", display: "Patient" },
    });
  }
  if (types) {
    // A search of several types (types-searched.ts): an entity per type, with what was found of it.
    const found = detailOf(row.detail);
    const offset = found.filter((d) => d.type === "offset");
    for (const type of types) {
      const results = found.filter((d) => d.type === resultsKey(type)).map((d) => ({ type: "results", valueString: d.valueString }));
      entities.push({ name: type, type: { system: ENTITY_TYPE, code: "2", display: "System Object" }, detail: [...results, ...offset] });
    }
    return entities;
  }
  const detail = detailOf(row.detail);
  if (row.entity || detail.length > 0) {
    const reference = row.entity ? literalReference(row.entity) : undefined;
    entities.push({
      ...(reference ? { what: { reference } } : {}),
      ...(row.entity && !reference ? { name: row.entity } : {}),
      type: { system: ENTITY_TYPE, code: "2", display: "System Object" },
      ...(detail.length > 0 ? { detail } : {}),
    });
  }
  return entities;
}

export function toFhirAuditEvent(row: AuditRow): AuditEvent {
  const restful = RESTFUL[row.interaction];
  const own: Coding = { system: AUDIT_INTERACTION_SYSTEM, code: row.interaction };
  const recorded = row.recorded.toISOString();
  const types = typesOfEntity(row.entity);
  return {
    resourceType: "AuditEvent",
    id: row.id,
    meta: { versionId: "1", lastUpdated: recorded },
    type: restful
      ? { system: AUDIT_EVENT_TYPE, code: "rest", display: "Restful Operation" }
      : { system: AUDIT_INTERACTION_SYSTEM, code: row.interaction },
    // A search of several types is FHIR's search across types (`_type`), not a search of one.
    subtype: restful ? [{ system: RESTFUL_INTERACTION, code: restful === "search-type" && types ? "search-system" : restful }, own] : [own],
    action: ACTIONS[row.interaction] ?? "E",
    recorded,
    outcome: OUTCOMES[row.outcome] ?? "8",
    ...(row.reason ? { outcomeDesc: row.reason } : {}),
    ...(purposeOf(row) ? { purposeOfEvent: purposeOf(row) } : {}),
    agent: agentsOf(row),
    source: {
      observer: { display: "Espace santé" },
      type: [{ system: SOURCE_TYPE, code: "4", display: "Application Server" }],
    },
    entity: entitiesOf(row, types),
  };
}
