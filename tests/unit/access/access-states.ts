import type { Consent, RelatedPerson } from "@medplum/fhirtypes";
import type { Actor } from "@/server/access/actor";
import { SCOPES, type Scope } from "@/server/access/scopes";
import { aBlock, aDefaultLevel, aDelegation, aGuardianship, anAuthorisation, aProtectionMeasure, aResearchChoice, anEmergencyChoice } from "@/lib/fhir/builders/rules";
import type { AgentFacts, Who } from "./access-spec";

/**
 * Every actor state of the truth table: the concrete Actor and the patient's stored rules
 * (Consents and RelatedPersons, read by rulesFromResources as in production), with, written by
 * hand, the plain facts (`who`) that the spec oracle reads.
 */
export const NOW = new Date("2026-06-01T12:00:00.000Z");
const PAST = "2026-01-01T00:00:00.000Z";
const FUTURE = "2027-01-01T00:00:00.000Z";
const AT_NOW = NOW.toISOString();

export const PAT = "a0000000-0000-4000-8000-000000000001";
export const OTHER = "a0000000-0000-4000-8000-000000000002";
const AGENT = "a0000000-0000-4000-8000-000000000003";
const AGENT2 = "a0000000-0000-4000-8000-000000000004";
export const PRO = "b0000000-0000-4000-8000-000000000001";
export const PRO2 = "b0000000-0000-4000-8000-000000000002";
const RP = "c0000000-0000-4000-8000-000000000001";
/** Another RelatedPerson of the same agent on the same patient (smaller id than RP3). */
const RP0 = "c0000000-0000-4000-8000-000000000000";
const RP3 = "c0000000-0000-4000-8000-000000000003";
const EARLIER = "2025-06-01T00:00:00.000Z";
export const RX = "rx-0001";
export const RX_OTHER = "rx-0002";

export type State = { name: string; who: Who; actor: Actor; consents: Consent[]; relatedPersons: RelatedPerson[] };

const live = { ownSpace: true, live: true };
const dead = { ownSpace: true, live: false };

function agentStates(kind: "guardian" | "delegate"): State[] {
  const build = kind === "guardian" ? aGuardianship : aDelegation;
  const wrong = kind === "guardian" ? aDelegation : aGuardianship;
  const actor = (patientId = PAT): Actor => ({ kind, accountId: "acc-agent", selfPatientId: AGENT, patientId, relatedPersonId: RP });
  const state = (name: string, who: AgentFacts, rps: RelatedPerson[], patientId = PAT): State => ({
    name: `${kind}: ${name}`,
    who: { kind, ...who },
    actor: actor(patientId),
    consents: [],
    relatedPersons: rps,
  });
  const rp = (scopes: readonly Scope[], extra: Partial<Parameters<typeof build>[0]> = {}) =>
    build({ id: RP, patientId: PAT, agentPatientId: AGENT, scopes, ...extra });
  const states: State[] = [
    state("live, every scope", { ...live, scopes: SCOPES }, [rp(SCOPES)]),
    state("live, no scope ticked", { ...live, scopes: [] }, [rp([])]),
    state("live since this very instant", { ...live, scopes: SCOPES }, [rp(SCOPES, { start: AT_NOW })]),
    state("live until a future date", { ...live, scopes: SCOPES }, [rp(SCOPES, { start: PAST, end: FUTURE })]),
    state("revoked", { ...dead, scopes: SCOPES }, [rp(SCOPES, { active: false })]),
    state("expired", { ...dead, scopes: SCOPES }, [rp(SCOPES, { end: PAST })]),
    state("ending at this very instant", { ...dead, scopes: SCOPES }, [rp(SCOPES, { end: AT_NOW })]),
    state("not yet started", { ...dead, scopes: SCOPES }, [rp(SCOPES, { start: FUTURE })]),
    state("none recorded", { ...dead, scopes: SCOPES }, []),
    state("someone else's", { ...dead, scopes: SCOPES }, [rp(SCOPES, { agentPatientId: AGENT2 })]),
    state(
      `presenting a ${kind === "guardian" ? "caregiver's delegation" : "guardianship"}`,
      { ...dead, scopes: SCOPES },
      [wrong({ id: RP, patientId: PAT, agentPatientId: AGENT, scopes: SCOPES })],
    ),
    state("live, but acting in another patient's space", { ownSpace: false, live: true, scopes: SCOPES }, [rp(SCOPES)], OTHER),
    // One person named twice on the patient: one relationship applies (applicable-delegation.ts).
    state("live, beside an older delegation of theirs with more scopes", { ...live, scopes: ["documents:read"] }, [
      rp(["documents:read"], { start: PAST }),
      build({ id: RP3, patientId: PAT, agentPatientId: AGENT, scopes: SCOPES, start: EARLIER }),
    ]),
    state("live, but a later delegation of theirs applies", { ...dead, scopes: SCOPES }, [
      rp(SCOPES, { start: EARLIER }),
      build({ id: RP3, patientId: PAT, agentPatientId: AGENT, scopes: ["documents:read"], start: PAST }),
    ]),
    state("live, twin of another row of theirs with a smaller id", { ...dead, scopes: SCOPES }, [
      rp(SCOPES, { start: PAST }),
      build({ id: RP0, patientId: PAT, agentPatientId: AGENT, scopes: [], start: PAST }),
    ]),
    state("live, twin of another row of theirs with a larger id", { ...live, scopes: SCOPES }, [
      rp(SCOPES, { start: PAST }),
      build({ id: RP3, patientId: PAT, agentPatientId: AGENT, scopes: [], start: PAST }),
    ]),
    state("live, beside an ended row of theirs", { ...live, scopes: ["record:read"] }, [
      rp(["record:read"]),
      build({ id: RP3, patientId: PAT, agentPatientId: AGENT, scopes: SCOPES, start: FUTURE }),
      build({ id: RP0, patientId: PAT, agentPatientId: AGENT, scopes: SCOPES, active: false }),
    ]),
  ];
  // A guardianship governs over a caregiver's delegation of the same person, however recent.
  if (kind === "guardian") {
    states.push(state("live, beside a later caregiver's delegation", { ...live, scopes: SCOPES }, [rp(SCOPES, { start: EARLIER }), wrong({ id: RP3, patientId: PAT, agentPatientId: AGENT, scopes: [], start: PAST })]));
  } else {
    states.push(state("live, but also the patient's guardian", { ...dead, scopes: SCOPES }, [rp(SCOPES, { start: PAST }), wrong({ id: RP3, patientId: PAT, agentPatientId: AGENT, scopes: SCOPES, start: EARLIER })]));
  }
  if (kind === "guardian") {
    // A judge's protection measure of an adult (rules.ts, measure): its own end, no minor's secret.
    const measure = (extra: { start?: string; end: string; active?: boolean; decision?: string }) =>
      aProtectionMeasure({ id: RP, patientId: PAT, agentPatientId: AGENT, scopes: [], start: extra.start ?? PAST, end: extra.end, active: extra.active, decision: extra.decision ?? "Jugement du JCP de Lyon, 12/03/2026, RG 26/01234" });
    states.push(
      state("adult's protection measure, active", { ...live, scopes: SCOPES, adultMeasure: true }, [measure({ end: "2031-01-01" })]),
      state("adult's protection measure, its last day today", { ...live, scopes: SCOPES, adultMeasure: true }, [measure({ end: "2026-06-01" })]),
      state("adult's protection measure, past its last day", { ...dead, scopes: SCOPES, adultMeasure: true }, [measure({ end: "2026-05-31" })]),
      state("adult's protection measure, ended early", { ...dead, scopes: SCOPES, adultMeasure: true }, [measure({ end: "2031-01-01", active: false })]),
      state("adult's protection measure, not yet begun", { ...dead, scopes: SCOPES, adultMeasure: true }, [measure({ start: FUTURE, end: "2031-01-01" })]),
    );
  }
  if (kind === "delegate") {
    for (const scope of SCOPES) states.push(state(`live, only ${scope}`, { ...live, scopes: [scope] }, [rp([scope])]));
  }
  return states;
}

type ProFacts = Omit<Extract<Who, { kind: "practitioner" }>, "kind">;
const pro = (name: string, who: ProFacts, consents: Consent[], emergency?: { patientId?: string; until?: string }): State => ({
  name: `practitioner: ${name}`,
  who: { kind: "practitioner", ...who },
  actor: {
    kind: "practitioner",
    accountId: "acc-pro",
    practitionerId: PRO,
    emergency: emergency ? { patientId: emergency.patientId ?? PAT, until: new Date(emergency.until ?? FUTURE), reason: "Patient inconscient aux urgences" } : undefined,
  },
  consents,
  relatedPersons: [],
});

const none: ProFacts = { blocked: false, authorised: false, restricted: false, emergency: false, emergencyRestricted: false };
const authorised: ProFacts = { ...none, authorised: true };
const restricted: ProFacts = { ...none, authorised: true, restricted: true };
const emergencyOnly: ProFacts = { ...none, emergency: true };
const p = { patientId: PAT, practitionerId: PRO };

const practitionerStates: State[] = [
  pro("unauthorised", none, []),
  pro("standing authorisation", authorised, [anAuthorisation(p)]),
  pro("standing authorisation with restricted (R) documents", restricted, [anAuthorisation({ ...p, restricted: true })]),
  pro("grant until a future date", authorised, [anAuthorisation({ ...p, until: FUTURE })]),
  pro("grant until a future date with R", restricted, [anAuthorisation({ ...p, until: FUTURE, restricted: true })]),
  pro("grant expired", none, [anAuthorisation({ ...p, until: PAST })]),
  pro("grant ending at this very instant", none, [anAuthorisation({ ...p, until: AT_NOW })]),
  pro("expired R grant beside a standing plain one", authorised, [anAuthorisation({ ...p, until: PAST, restricted: true }), anAuthorisation(p)]),
  pro("authorisation withdrawn (Consent inactive)", none, [anAuthorisation({ ...p, status: "inactive" })]),
  pro("authorisation naming another practitioner", none, [anAuthorisation({ ...p, practitionerId: PRO2 })]),
  pro("blocked", { ...none, blocked: true }, [aBlock(p)]),
  pro("blocked and authorised (R)", { ...restricted, blocked: true }, [anAuthorisation({ ...p, restricted: true }), aBlock(p)]),
  pro("blocked, with emergency access open", { ...emergencyOnly, blocked: true }, [aBlock(p)], {}),
  pro("block lifted (Consent inactive), authorised", authorised, [aBlock({ ...p, status: "inactive" }), anAuthorisation(p)]),
  pro("block of another practitioner, authorised", authorised, [aBlock({ ...p, practitionerId: PRO2 }), anAuthorisation(p)]),
  pro("emergency open, patient left it on (default)", emergencyOnly, [], {}),
  pro("emergency open, patient allows it explicitly", emergencyOnly, [anEmergencyChoice({ patientId: PAT, allowed: true })], {}),
  pro("emergency open, patient refuses it", none, [anEmergencyChoice({ patientId: PAT, allowed: false })], {}),
  pro(
    "emergency open, refused then allowed again",
    emergencyOnly,
    [anEmergencyChoice({ patientId: PAT, allowed: true, dateTime: "2026-03-01T00:00:00Z" }), anEmergencyChoice({ patientId: PAT, allowed: false, dateTime: "2026-02-01T00:00:00Z" })],
    {},
  ),
  pro(
    "emergency open, allowed then refused",
    none,
    [anEmergencyChoice({ patientId: PAT, allowed: true, dateTime: "2026-02-01T00:00:00Z" }), anEmergencyChoice({ patientId: PAT, allowed: false, dateTime: "2026-03-01T00:00:00Z" })],
    {},
  ),
  pro("emergency expired", none, [], { until: PAST }),
  pro("emergency ending at this very instant", none, [], { until: AT_NOW }),
  pro("emergency opened on another patient", none, [], { patientId: OTHER }),
  pro("authorised, with emergency open too", authorised, [anAuthorisation(p)], {}),
  pro("authorised (R), patient refuses emergency", restricted, [anAuthorisation({ ...p, restricted: true }), anEmergencyChoice({ patientId: PAT, allowed: false })]),
  // Emergency extent (issue 12): break-glass may include restricted documents if the patient says so.
  pro("emergency open, patient allows it with restricted documents", { ...emergencyOnly, emergencyRestricted: true }, [anEmergencyChoice({ patientId: PAT, allowed: true, restricted: true })], {}),
  pro("emergency with restricted documents chosen, but no emergency open", { ...none, emergencyRestricted: true }, [anEmergencyChoice({ patientId: PAT, allowed: true, restricted: true })]),
  pro(
    "authorised without R, emergency open with restricted documents: the authorisation decides",
    { ...authorised, emergency: true, emergencyRestricted: true },
    [anAuthorisation(p), anEmergencyChoice({ patientId: PAT, allowed: true, restricted: true })],
    {},
  ),
  pro("blocked, emergency with restricted documents open", { ...emergencyOnly, blocked: true, emergencyRestricted: true }, [aBlock(p), anEmergencyChoice({ patientId: PAT, allowed: true, restricted: true })], {}),
  // Choices that decide() does not read for access: the research choice and the default level of new documents.
  pro("authorised, research refused, default level R", authorised, [anAuthorisation(p), aResearchChoice({ patientId: PAT, allowed: false }), aDefaultLevel({ patientId: PAT, level: "R" })]),
  pro("unauthorised, research allowed", none, [aResearchChoice({ patientId: PAT, allowed: true })]),
];

const link = (name: string, patientId: string, ownSpace: boolean): State => ({
  name: `link: ${name}`,
  who: { kind: "link", ownSpace },
  actor: { kind: "link", linkId: "link-1", patientId, prescriptionId: RX, pharmacy: "Pharmacie du Centre" },
  consents: [],
  relatedPersons: [],
});

export const STATES: State[] = [
  { name: "system", who: { kind: "system" }, actor: { kind: "system", purpose: "truth-table" }, consents: [], relatedPersons: [] },
  { name: "patient: own space", who: { kind: "patient", ownSpace: true }, actor: { kind: "patient", accountId: "acc-p", patientId: PAT }, consents: [], relatedPersons: [] },
  { name: "patient: another patient's resource", who: { kind: "patient", ownSpace: false }, actor: { kind: "patient", accountId: "acc-o", patientId: OTHER }, consents: [], relatedPersons: [] },
  ...agentStates("guardian"),
  ...agentStates("delegate"),
  ...practitionerStates,
  link("its own patient", PAT, true),
  link("another patient's resource", OTHER, false),
];
