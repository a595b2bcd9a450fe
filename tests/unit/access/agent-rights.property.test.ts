import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Consent, Resource } from "@medplum/fhirtypes";
import type { Actor } from "@/server/access/actor";
import { agentWriteRefusal } from "@/server/access/agent-writes";
import { decide } from "@/server/access/decide";
import type { PatientRules } from "@/server/access/rules";
import { aPatient } from "@/lib/fhir/builders/people";
import { aDelegation, aGuardianship, anAuthorisation } from "@/lib/fhir/builders/rules";
import { SYSTEMS } from "@/lib/fhir/systems";
import { agentActor, applyWrite, arbStored, arbWrite, factsOf, grownRights, NOW, rulesOfStored, type Pools, type Stored, type Write } from "./agent-rights";

/**
 * SECURITY-CASES 23 and 40: someone acting for a patient cannot raise their own rights. For
 * random rules and random sequences of writes of delegations and privacy rules by a caregiver
 * or guardian, decided as the repository decides them (decide() on the stored version and the
 * new one, then agentWriteRefusal()), their rights after each write are never larger than
 * before, today or at any later instant. The same property runs through the Repository on a
 * real database in tests/integration/access/agent-rights.property.test.ts.
 */
const pools: Pools = {
  patientId: "a0000000-0000-4000-8000-000000000001",
  agent: "a0000000-0000-4000-8000-000000000003",
  otherAgents: ["a0000000-0000-4000-8000-000000000004"],
  relatedPersons: ["c0000000-0000-4000-8000-000000000001", "c0000000-0000-4000-8000-000000000002", "c0000000-0000-4000-8000-000000000003"],
  practitioner: "b0000000-0000-4000-8000-000000000001",
};

/** The repository's order: the decision on the stored version, on the new one, then the agent check. */
function letThrough(actor: Actor, rules: PatientRules, stored: Stored, write: Write): boolean {
  const find = (id: string | undefined): Resource | undefined => [...stored.consents, ...stored.relatedPersons].find((r) => r.id === id);
  if (write.kind === "create") {
    return decide(actor, "create", factsOf(write.resource), rules, NOW).allow && !agentWriteRefusal(actor, rules, write.resource, undefined, NOW);
  }
  const previous = find(write.kind === "delete" ? write.id : write.resource.id);
  if (!previous || !decide(actor, write.kind, factsOf(previous), rules, NOW).allow) return false;
  if (write.kind === "delete") return !agentWriteRefusal(actor, rules, undefined, previous, NOW);
  const next = factsOf(write.resource);
  return decide(actor, "update", next, rules, NOW).allow && next.patientId === pools.patientId && !agentWriteRefusal(actor, rules, write.resource, previous, NOW);
}

describe("an agent's rights never grow through their own writes", () => {
  it("holds for random rules and random write sequences (pure decision layer)", () => {
    const counts = { writes: 0, letThrough: 0, delegate: 0, guardian: 0 };
    const scenario = arbStored(pools).chain((stored) =>
      fc.record({ stored: fc.constant(stored), writes: fc.array(arbWrite(pools, stored), { minLength: 1, maxLength: 4 }) }),
    );
    fc.assert(
      fc.property(scenario, ({ stored: initial, writes }) => {
        let stored = initial;
        for (const write of writes) {
          const rules = rulesOfStored(pools, stored);
          const actor = agentActor(pools, rules);
          if (!actor) return;
          counts.writes++;
          if (actor.kind === "delegate" || actor.kind === "guardian") counts[actor.kind]++;
          if (!letThrough(actor, rules, stored, write)) continue;
          counts.letThrough++;
          const after = applyWrite(stored, write);
          expect(grownRights(pools, rules, rulesOfStored(pools, after)).slice(0, 5), JSON.stringify(write)).toEqual([]);
          stored = after;
        }
      }),
      { numRuns: 300 },
    );
    // The generator reaches both kinds of agent, and writes that are let through (privacy rules).
    expect(counts.delegate).toBeGreaterThan(0);
    expect(counts.guardian).toBeGreaterThan(0);
    expect(counts.letThrough).toBeGreaterThan(0);
  });
});

describe("the right to see who looked at the record (audit:read) is never self-granted", () => {
  it("a caregiver who cannot read the trail still cannot after any write of theirs that is let through", () => {
    const readsTrail = (rules: PatientRules) => {
      const actor = agentActor(pools, rules);
      return !!actor && decide(actor, "search", { resourceType: "AuditEvent", patientId: pools.patientId, confidentiality: "N", labels: [] }, rules, NOW).allow;
    };
    let checked = 0;
    const scenario = arbStored(pools).chain((stored) =>
      fc.record({ stored: fc.constant(stored), writes: fc.array(arbWrite(pools, stored), { minLength: 1, maxLength: 4 }) }),
    );
    fc.assert(
      fc.property(scenario, ({ stored: initial, writes }) => {
        let stored = initial;
        for (const write of writes) {
          const rules = rulesOfStored(pools, stored);
          const actor = agentActor(pools, rules);
          if (!actor || actor.kind !== "delegate" || readsTrail(rules)) return;
          checked++;
          if (!letThrough(actor, rules, stored, write)) continue;
          stored = applyWrite(stored, write);
          expect(readsTrail(rulesOfStored(pools, stored)), JSON.stringify(write)).toBe(false);
        }
      }),
      { numRuns: 300 },
    );
    expect(checked).toBeGreaterThan(0);
  });
});

describe("agentWriteRefusal, the second lock behind decide()", () => {
  const PAT = pools.patientId;
  const SELF = pools.agent;
  const OTHER = pools.otherAgents[0] ?? "";
  const RP = pools.relatedPersons[0] ?? "";
  const own = aDelegation({ id: RP, patientId: PAT, agentPatientId: SELF, scopes: ["documents:read", "privacy:manage"], start: "2026-01-01T00:00:00Z", end: "2026-12-31T22:59:59Z" });
  const delegate: Actor = { kind: "delegate", accountId: "a", selfPatientId: SELF, patientId: PAT, relatedPersonId: RP };
  const guardian: Actor = { kind: "guardian", accountId: "a", selfPatientId: SELF, patientId: PAT, relatedPersonId: RP };
  const rules = rulesOfStored(pools, { consents: [], relatedPersons: [own] });
  const guardianRules = rulesOfStored(pools, { consents: [], relatedPersons: [aGuardianship({ id: RP, patientId: PAT, agentPatientId: SELF, scopes: [] })] });
  const forOther = (extra: Partial<Parameters<typeof aDelegation>[0]> = {}) =>
    aDelegation({ patientId: PAT, agentPatientId: OTHER, scopes: ["documents:read"], end: "2026-09-01T00:00:00Z", ...extra });
  const aboutSelf = (reference: string): Consent => {
    const consent = anAuthorisation({ patientId: PAT, practitionerId: pools.practitioner });
    return { ...consent, provision: { ...consent.provision, actor: [{ role: {}, reference: { reference } }] } };
  };

  const ROWS: { name: string; actor: Actor; rules: PatientRules; next?: Resource; stored?: Resource; want: string | undefined }[] = [
    { name: "delegate rewrites their own delegation", actor: delegate, rules, next: { ...own, extension: [] }, stored: own, want: "self-delegation" },
    { name: "delegate deletes their own delegation", actor: delegate, rules, stored: own, want: "self-delegation" },
    { name: "delegate creates a second delegation for themself", actor: delegate, rules, next: forOther({ agentPatientId: SELF }), want: "self-delegation" },
    { name: "delegate takes over another's delegation by naming themself", actor: delegate, rules, next: forOther({ agentPatientId: SELF }), stored: forOther(), want: "self-delegation" },
    { name: "delegate appoints a guardian", actor: delegate, rules, next: aGuardianship({ patientId: PAT, agentPatientId: OTHER, scopes: [] }), want: "guardian-tie" },
    { name: "delegate changes a guardianship", actor: delegate, rules, next: forOther(), stored: aGuardianship({ patientId: PAT, agentPatientId: OTHER, scopes: [] }), want: "guardian-tie" },
    { name: "delegate grants a scope they lack", actor: delegate, rules, next: forOther({ scopes: ["documents:write"] }), want: "scope-widening" },
    { name: "delegate grants another the right to see the trail, which they lack", actor: delegate, rules, next: forOther({ scopes: ["audit:read"] }), want: "scope-widening" },
    {
      name: "delegate adds the right to see the trail to their own delegation",
      actor: delegate,
      rules,
      next: { ...own, extension: [...(own.extension ?? []), { url: SYSTEMS.delegationScope, valueCode: "audit:read" }] },
      stored: own,
      want: "self-delegation",
    },
    { name: "delegate grants no end while theirs ends", actor: delegate, rules, next: forOther({ end: undefined }), want: "end-widening" },
    { name: "delegate grants beyond their own end", actor: delegate, rules, next: forOther({ end: "2027-06-01T00:00:00Z" }), want: "end-widening" },
    { name: "delegate grants within their own scopes and end", actor: delegate, rules, next: forOther(), want: undefined },
    { name: "delegate writes a privacy rule naming their Patient", actor: delegate, rules, next: aboutSelf(`Patient/${SELF}`), want: "self-rule" },
    { name: "delegate writes a privacy rule naming their RelatedPerson", actor: delegate, rules, next: aboutSelf(`RelatedPerson/${RP}`), want: "self-rule" },
    { name: "delegate deletes a privacy rule about themself", actor: delegate, rules, stored: aboutSelf(`Patient/${SELF}`), want: "self-rule" },
    { name: "delegate writes a privacy rule about a professional", actor: delegate, rules, next: aboutSelf(`Practitioner/${pools.practitioner}`), want: undefined },
    { name: "guardian extends their own guardianship", actor: guardian, rules: guardianRules, next: aGuardianship({ id: RP, patientId: PAT, agentPatientId: SELF, scopes: [], end: "2040-01-01T00:00:00Z" }), stored: aGuardianship({ id: RP, patientId: PAT, agentPatientId: SELF, scopes: [] }), want: "self-delegation" },
    { name: "guardian appoints the other parent as guardian", actor: guardian, rules: guardianRules, next: aGuardianship({ patientId: PAT, agentPatientId: OTHER, scopes: [] }), want: undefined },
    { name: "guardian ends the other guardian's tie", actor: guardian, rules: guardianRules, stored: aGuardianship({ patientId: PAT, agentPatientId: OTHER, scopes: [] }), want: "guardian-tie" },
    { name: "guardian sets the other guardian's tie inactive", actor: guardian, rules: guardianRules, next: aGuardianship({ id: "g2", patientId: PAT, agentPatientId: OTHER, scopes: [], active: false }), stored: aGuardianship({ id: "g2", patientId: PAT, agentPatientId: OTHER, scopes: [] }), want: "guardian-tie" },
    { name: "guardian turns the other guardian's tie into a caregiver's", actor: guardian, rules: guardianRules, next: forOther({ id: "g2" }), stored: aGuardianship({ id: "g2", patientId: PAT, agentPatientId: OTHER, scopes: [] }), want: "guardian-tie" },
    { name: "guardian makes the child younger (to keep access past 18)", actor: guardian, rules: guardianRules, next: { ...aPatient({ id: PAT, birthDate: "2012-01-01" }) }, stored: aPatient({ id: PAT, birthDate: "2008-01-01" }), want: "birth-date" },
    { name: "delegate changes the patient's birth date", actor: delegate, rules, next: aPatient({ id: PAT, birthDate: "1950-01-01" }), stored: aPatient({ id: PAT, birthDate: "1950-06-02" }), want: "birth-date" },
    { name: "guardian puts an e-mail on the child's record (where the code of the account at 18 goes)", actor: guardian, rules: guardianRules, next: { ...aPatient({ id: PAT, birthDate: "2012-01-01" }), telecom: [{ system: "email", value: "parent@example.org" }] }, stored: aPatient({ id: PAT, birthDate: "2012-01-01" }), want: "record-email" },
    { name: "guardian replaces the e-mail on the child's record", actor: guardian, rules: guardianRules, next: { ...aPatient({ id: PAT, birthDate: "2012-01-01" }), telecom: [{ system: "email", value: "parent@example.org" }] }, stored: { ...aPatient({ id: PAT, birthDate: "2012-01-01" }), telecom: [{ system: "email", value: "ado@example.org" }] }, want: "record-email" },
    { name: "delegate removes the e-mail on the patient's record", actor: delegate, rules, next: aPatient({ id: PAT, birthDate: "1950-06-02" }), stored: { ...aPatient({ id: PAT, birthDate: "1950-06-02" }), telecom: [{ system: "email", value: "jean@example.org" }] }, want: "record-email" },
    { name: "guardian adds a phone number, the e-mail kept", actor: guardian, rules: guardianRules, next: { ...aPatient({ id: PAT, birthDate: "2012-01-01" }), telecom: [{ system: "email", value: "ado@example.org" }, { system: "phone", value: "0600000000" }] }, stored: { ...aPatient({ id: PAT, birthDate: "2012-01-01" }), telecom: [{ system: "email", value: "ado@example.org" }] }, want: undefined },
    { name: "guardian changes the child's address, same birth date", actor: guardian, rules: guardianRules, next: aPatient({ id: PAT, birthDate: "2012-01-01", address: [] }), stored: aPatient({ id: PAT, birthDate: "2012-01-01" }), want: undefined },
    { name: "guardian ends a caregiver's delegation", actor: guardian, rules: guardianRules, stored: forOther(), want: undefined },
    { name: "guardian appoints a caregiver with any scope", actor: guardian, rules: guardianRules, next: forOther({ scopes: ["documents:write", "privacy:manage"], end: undefined }), want: undefined },
  ];

  it.each(ROWS)("$name: $want", (row) => {
    expect(agentWriteRefusal(row.actor, row.rules, row.next, row.stored, NOW)).toBe(row.want);
  });

  it("leaves the patient, professionals, links and the system to decide()", () => {
    const others: Actor[] = [
      { kind: "patient", accountId: "a", patientId: PAT },
      { kind: "practitioner", accountId: "a", practitionerId: pools.practitioner },
      { kind: "link", linkId: "l", patientId: PAT, prescriptionId: "rx", pharmacy: "P" },
      { kind: "system", purpose: "test" },
    ];
    for (const actor of others) expect(agentWriteRefusal(actor, rules, forOther({ agentPatientId: SELF }), own, NOW)).toBeUndefined();
  });
});
