import type { Actor } from "../access/actor";
import { decide } from "../access/decide";
import { domainOf, SUPPORTED_TYPES, type Interaction, type ResourceFacts } from "../access/facts";
import { emptyRules, type PatientRules } from "../access/rules";
import { SCOPES } from "../access/scopes";

/**
 * What the API serves, per resource type. Derived from decide() itself rather than written by
 * hand: an interaction is offered on a type when at least one actor who can reach the API (a
 * signed-in patient, guardian, delegate or professional) may perform it. The router answers 405
 * for everything else, and the CapabilityStatement lists exactly this, so the two cannot drift.
 */
export type ApiInteraction = "read" | "vread" | "history-instance" | "search-type" | "create" | "update" | "delete";

const EXCLUDED = new Set<string>();

/**
 * A file is read where its document's attachment url leads (Binary/<id>), under its document's
 * decision; it is written, relabelled and deleted only with its document (repository.ts), and has
 * one version, so read is all the API offers of it.
 */
const BINARY_INTERACTIONS: readonly ApiInteraction[] = ["read"];

/** Audit rows are read through their own mapping (no versions, never written through the API). */
const AUDIT_INTERACTIONS: readonly ApiInteraction[] = ["read", "search-type"];

const P = "00000000-0000-4000-8000-0000000000a1";
const PRACTITIONER = "00000000-0000-4000-8000-0000000000b1";
const AGENT = "00000000-0000-4000-8000-0000000000c1";
const RELATED = "00000000-0000-4000-8000-0000000000d1";
const PROBE_TIME = new Date("2030-01-01T00:00:00Z");

const PROBE_RULES: PatientRules = {
  ...emptyRules(P),
  authorisations: [{ consentId: "probe", practitionerId: PRACTITIONER, restricted: true }],
  delegations: [{ relatedPersonId: RELATED, agentPatientId: AGENT, kind: "delegate", scopes: new Set(SCOPES), active: true }],
};

/** Everyone who can hold a session, at their widest. */
const PROBE_ACTORS: Actor[] = [
  { kind: "patient", accountId: "probe", patientId: P },
  { kind: "delegate", accountId: "probe", selfPatientId: AGENT, patientId: P, relatedPersonId: RELATED },
  { kind: "practitioner", accountId: "probe", practitionerId: PRACTITIONER },
];

const AUTHORS = [`Practitioner/${PRACTITIONER}`, `Patient/${P}`, undefined];

function someoneMay(type: string, interaction: Interaction): boolean {
  const directory = domainOf(type) === "directory";
  return PROBE_ACTORS.some((actor) =>
    AUTHORS.some((author) => {
      const facts: ResourceFacts = {
        resourceType: type,
        id: "00000000-0000-4000-8000-0000000000e1",
        patientId: directory ? undefined : P,
        confidentiality: "N",
        labels: [],
        author,
      };
      return decide(actor, interaction, facts, directory ? undefined : PROBE_RULES, PROBE_TIME).allow;
    }),
  );
}

function interactionsOf(type: string): readonly ApiInteraction[] {
  if (type === "AuditEvent") return AUDIT_INTERACTIONS;
  if (type === "Binary") return BINARY_INTERACTIONS;
  const offered: ApiInteraction[] = [];
  if (someoneMay(type, "read")) offered.push("read", "vread");
  if (someoneMay(type, "history")) offered.push("history-instance");
  if (someoneMay(type, "search")) offered.push("search-type");
  for (const write of ["create", "update", "delete"] as const) if (someoneMay(type, write)) offered.push(write);
  return offered;
}

export const API_TYPES: readonly string[] = SUPPORTED_TYPES.filter((type) => !EXCLUDED.has(type)).sort();

const CAPABILITIES: ReadonlyMap<string, ReadonlySet<ApiInteraction>> = new Map(
  API_TYPES.map((type) => [type, new Set(interactionsOf(type))]),
);

export function isApiType(type: string): boolean {
  return CAPABILITIES.has(type);
}

export function interactionsFor(type: string): readonly ApiInteraction[] {
  return [...(CAPABILITIES.get(type) ?? [])];
}

export function supports(type: string, interaction: ApiInteraction): boolean {
  return CAPABILITIES.get(type)?.has(interaction) ?? false;
}
