import type { Consent, RelatedPerson } from "@medplum/fhirtypes";
import { describe, expect, it } from "vitest";
import { aBlock, aDelegation, aGuardianship, anAuthorisation } from "@/lib/fhir/builders/rules";
import type { Actor } from "@/server/access/actor";
import { decide } from "@/server/access/decide";
import type { Reason } from "@/server/access/decision";
import type { Interaction, ResourceFacts } from "@/server/access/facts";
import { rulesFromResources } from "@/server/access/rules";
import { SCOPES } from "@/server/access/scopes";

/**
 * The "messages" domain of decide(), one row per actor state: who may read, write (a new
 * message), update (a read receipt, a withdrawal) or delete a message of the patient's record.
 * A professional only in a conversation they take part in, only under a live authorisation.
 */
const NOW = new Date("2026-06-01T12:00:00.000Z");
const PAT = "a0000000-0000-4000-8000-000000000001";
const OTHER = "a0000000-0000-4000-8000-000000000002";
const AGENT = "a0000000-0000-4000-8000-000000000003";
const PRO = "b0000000-0000-4000-8000-000000000001";
const PRO2 = "b0000000-0000-4000-8000-000000000002";
const RP = "c0000000-0000-4000-8000-000000000001";

const message = (participant = `Practitioner/${PRO}`): ResourceFacts => ({
  resourceType: "Communication",
  id: "d0000000-0000-4000-8000-000000000001",
  patientId: PAT,
  confidentiality: "N",
  labels: [],
  author: `Patient/${PAT}`,
  participant,
});

const pro = (emergency = false): Actor => ({
  kind: "practitioner",
  accountId: "acc-pro",
  practitionerId: PRO,
  emergency: emergency ? { patientId: PAT, until: new Date("2026-06-01T18:00:00Z"), reason: "Inconscient aux urgences" } : undefined,
});
const agent = (kind: "guardian" | "delegate", patientId = PAT): Actor => ({ kind, accountId: "acc-a", selfPatientId: AGENT, patientId, relatedPersonId: RP });
const authorised = anAuthorisation({ patientId: PAT, practitionerId: PRO });
const delegation = (scopes: Parameters<typeof aDelegation>[0]["scopes"]) => aDelegation({ id: RP, patientId: PAT, agentPatientId: AGENT, scopes });

type Row = { state: string; actor: Actor; consents?: Consent[]; people?: RelatedPerson[]; facts?: ResourceFacts; want: Partial<Record<Interaction, true | Reason>> };
const ALL_OK = { read: true, search: true, create: true, update: true } as const;

const ROWS: Row[] = [
  { state: "patient in their own space", actor: { kind: "patient", accountId: "p", patientId: PAT }, want: { ...ALL_OK, delete: "not-allowed" } },
  { state: "another patient (stranger)", actor: { kind: "patient", accountId: "o", patientId: OTHER }, want: { read: "other-patient", create: "other-patient", update: "other-patient" } },
  { state: "professional authorised, in the conversation", actor: pro(), consents: [authorised], want: { ...ALL_OK, delete: "not-allowed" } },
  { state: "professional authorised, another professional's conversation", actor: pro(), consents: [authorised], facts: message(`Practitioner/${PRO2}`), want: { read: "not-participant", search: "not-participant", create: "not-participant", update: "not-participant" } },
  { state: "professional authorised until a day now past", actor: pro(), consents: [anAuthorisation({ patientId: PAT, practitionerId: PRO, until: "2026-05-31T21:59:59.999Z" })], want: { read: "not-authorised", create: "not-authorised", update: "not-authorised" } },
  { state: "professional authorised until a day to come", actor: pro(), consents: [anAuthorisation({ patientId: PAT, practitionerId: PRO, until: "2026-06-30T21:59:59.999Z" })], want: ALL_OK },
  { state: "professional blocked (and authorised)", actor: pro(), consents: [authorised, aBlock({ patientId: PAT, practitionerId: PRO })], want: { read: "blocked", search: "blocked", create: "blocked", update: "blocked" } },
  { state: "professional under break-glass only", actor: pro(true), want: { read: "not-authorised", search: "not-authorised", create: "not-authorised", update: "not-authorised" } },
  { state: "professional never authorised", actor: pro(), want: { read: "not-authorised", create: "not-authorised" } },
  { state: "caregiver with messages:write", actor: agent("delegate"), people: [delegation(["messages:write"])], want: { ...ALL_OK, delete: "not-allowed" } },
  { state: "caregiver without messages:write", actor: agent("delegate"), people: [delegation(SCOPES.filter((s) => s !== "messages:write"))], want: { read: true, search: true, create: "scope-missing", update: "scope-missing" } },
  { state: "caregiver whose delegation was revoked", actor: agent("delegate"), people: [aDelegation({ id: RP, patientId: PAT, agentPatientId: AGENT, scopes: ["messages:write"], active: false })], want: { read: "delegation-inactive", create: "delegation-inactive" } },
  { state: "guardian (holds every right)", actor: agent("guardian"), people: [aGuardianship({ id: RP, patientId: PAT, agentPatientId: AGENT, scopes: [] })], want: { ...ALL_OK, delete: "not-allowed" } },
  { state: "guardian, in another patient's space", actor: agent("guardian", OTHER), people: [aGuardianship({ id: RP, patientId: PAT, agentPatientId: AGENT, scopes: [] })], want: { read: "other-patient", create: "other-patient" } },
  { state: "pharmacist's link", actor: { kind: "link", linkId: "l", patientId: PAT, prescriptionId: "rx", pharmacy: "Pharmacie" }, want: { read: "outside-link", create: "outside-link" } },
];

describe("decide() for messages", () => {
  for (const row of ROWS) {
    it(row.state, () => {
      const rules = rulesFromResources(PAT, row.consents ?? [], row.people ?? []);
      for (const [interaction, want] of Object.entries(row.want) as [Interaction, true | Reason][]) {
        const got = decide(row.actor, interaction, row.facts ?? message(), rules, NOW);
        expect(got, `${row.state} / ${interaction}`).toEqual(want === true ? { allow: true, reason: got.reason } : { allow: false, reason: want });
      }
    });
  }

  it("never lets a professional delete a message, nor a caregiver without the right write one, whatever else holds", () => {
    const rules = rulesFromResources(PAT, [authorised], [delegation(["documents:read", "privacy:manage"])]);
    expect(decide(pro(), "delete", message(), rules, NOW).allow).toBe(false);
    expect(decide(agent("delegate"), "create", message(), rules, NOW)).toEqual({ allow: false, reason: "scope-missing" });
  });
});
