import fc from "fast-check";
import type { RelatedPerson } from "@medplum/fhirtypes";
import { describe, expect, it } from "vitest";
import type { Actor } from "@/server/access/actor";
import { applicableDelegation } from "@/server/access/applicable-delegation";
import { scopesAllowing } from "@/server/access/agent-decision";
import { decide } from "@/server/access/decide";
import { domainOf, type Interaction, type ResourceFacts } from "@/server/access/facts";
import { rulesFromResources } from "@/server/access/rules";
import { SCOPES, type Scope } from "@/server/access/scopes";
import { endOfParisDay } from "@/lib/dates/paris-day";
import { widensDelegation } from "@/server/access/delegation-widening";
import { confirmedAt, delegationOfInvitation, pausedFrom, revoked, withRights } from "@/server/delegations/delegation-resource";
import { startAfterPause } from "@/server/delegations/invitation-state";

/**
 * After any sequence of invitations accepted, confirmations, changes and revocations (the
 * resources written exactly as the use cases write them), at any instant, what decide() lets a
 * caregiver do is within what the patient granted them and still in force: a scope of a live
 * grant, from its start (after the pause, or confirmed; a change that gives more starts a new
 * pause) to its last day included; and never a write of a delegation, their own or anyone's.
 */
const PATIENT = "00000000-0000-4000-8000-000000000001";
const AGENTS = ["00000000-0000-4000-8000-0000000000a1", "00000000-0000-4000-8000-0000000000a2"];
const T0 = Date.parse("2026-12-01T08:00:00Z");
const DAY = 24 * 3600 * 1000;
const END_DAYS = ["2026-12-01", "2026-12-02", "2026-12-05", "2027-01-15"];

type Op =
  | { kind: "accept"; agent: number; scopes: Scope[]; endDay: string; at: number }
  | { kind: "confirm"; index: number; at: number }
  | { kind: "change"; index: number; scopes: Scope[]; endDay: string; at: number }
  | { kind: "revoke"; index: number };

const scopes = fc.subarray([...SCOPES]);
const at = fc.integer({ min: 0, max: 40 * DAY });
const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant("accept" as const), agent: fc.integer({ min: 0, max: 1 }), scopes, endDay: fc.constantFrom(...END_DAYS), at }),
  fc.record({ kind: fc.constant("confirm" as const), index: fc.nat(5), at }),
  fc.record({ kind: fc.constant("change" as const), index: fc.nat(5), scopes, endDay: fc.constantFrom(...END_DAYS), at }),
  fc.record({ kind: fc.constant("revoke" as const), index: fc.nat(5) }),
);

/** What the patient granted: per RelatedPerson, the terms she last chose. */
type Grant = { agent: string; scopes: Set<Scope>; start: number; endDay: string; active: boolean };

function play(ops: Op[]): { people: RelatedPerson[]; grants: Grant[] } {
  const people: RelatedPerson[] = [];
  const grants: Grant[] = [];
  for (const o of ops) {
    if (o.kind === "accept") {
      const start = startAfterPause(new Date(T0 + o.at));
      const person = delegationOfInvitation({ patientId: PATIENT, given: "A", family: "B", relationship: "ami", scopes: o.scopes, endDay: o.endDay }, { patientId: AGENTS[o.agent]!, accountId: "acc" }, start);
      people.push({ ...person, id: `rp-${people.length}` });
      grants.push({ agent: AGENTS[o.agent]!, scopes: new Set(o.scopes), start: start.getTime(), endDay: o.endDay, active: true });
      continue;
    }
    const i = people.length === 0 ? -1 : o.index % people.length;
    if (i < 0) continue;
    const grant = grants[i]!;
    if (o.kind === "confirm" && grant.active && T0 + o.at < grant.start) {
      people[i] = confirmedAt(people[i]!, new Date(T0 + o.at));
      grant.start = T0 + o.at;
    } else if (o.kind === "change" && grant.active) {
      // As change-delegation.ts writes it: more rights or a later end wait out the pause.
      const when = new Date(T0 + o.at);
      const next = withRights(people[i]!, o.scopes, o.endDay);
      if (widensDelegation(PATIENT, next, people[i]!, when)) {
        people[i] = pausedFrom(next, startAfterPause(when));
        grant.start = startAfterPause(when).getTime();
      } else {
        people[i] = next;
      }
      grant.scopes = new Set(o.scopes);
      grant.endDay = o.endDay;
    } else if (o.kind === "revoke") {
      people[i] = revoked(people[i]!);
      grant.active = false;
    }
  }
  return { people, grants };
}

const TYPES = ["DocumentReference", "MedicationRequest", "Immunization", "Consent", "RelatedPerson", "AuditEvent", "Patient", "Communication"];
const INTERACTIONS: Interaction[] = ["read", "search", "create", "update", "delete", "share"];

describe("a caregiver's rights after any sequence of acts", () => {
  it("are never more than granted, never outlive the last day or precede the start, never manage delegations", () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 12 }), fc.integer({ min: 0, max: 45 * DAY }), fc.integer({ min: 0, max: 1 }), (ops, offset, agentIndex) => {
        const { people, grants } = play(ops);
        const now = new Date(T0 + offset);
        const rules = rulesFromResources(PATIENT, [], people);
        const agent = AGENTS[agentIndex]!;
        const applied = applicableDelegation(rules.delegations, agent, now);
        // Whichever of their rows the actor was built from, decide() must stay within bounds.
        for (const person of people) {
          const actor: Actor = { kind: "delegate", accountId: "acc", selfPatientId: agent, patientId: PATIENT, relatedPersonId: person.id! };
          for (const resourceType of TYPES) {
            for (const interaction of INTERACTIONS) {
              const facts: ResourceFacts = { resourceType, patientId: PATIENT, confidentiality: "N", labels: [], author: `Patient/${PATIENT}`, id: "x" };
              const decision = decide(actor, interaction, facts, rules, now);
              if (!decision.allow) continue;
              // Seeing who else acts for the patient comes with privacy:manage; writing never.
              if (resourceType === "RelatedPerson") expect(interaction === "read" || interaction === "search", "never manages delegations").toBe(true);
              expect(applied?.relatedPersonId).toBe(person.id);
              const index = people.findIndex((p) => p.id === person.id);
              const grant = grants[index]!;
              expect(grant.agent).toBe(agent);
              expect(grant.active).toBe(true);
              expect(now.getTime()).toBeGreaterThanOrEqual(grant.start);
              expect(now.getTime()).toBeLessThanOrEqual(endOfParisDay(grant.endDay).getTime());
              const allowing = scopesAllowing(interaction, domainOf(resourceType)!);
              if (allowing.length > 0) expect(allowing.some((scope) => grant.scopes.has(scope))).toBe(true);
              // The trail (AuditEvent) only with audit:read or privacy:manage granted by the patient.
              if (resourceType === "AuditEvent") expect(grant.scopes.has("audit:read") || grant.scopes.has("privacy:manage")).toBe(true);
            }
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe("what the repository lets a request write (access/delegation-widening.ts)", () => {
  const STARTS = [undefined, T0 - DAY, T0 + 2 * 3600 * 1000, T0 + 2 * DAY];
  const person = fc.record({
    agent: fc.integer({ min: 0, max: 1 }),
    scopes,
    start: fc.constantFrom(...STARTS),
    endDay: fc.constantFrom(undefined, ...END_DAYS),
    active: fc.boolean(),
    guardian: fc.boolean(),
  });
  const build = (p: { agent: number; scopes: Scope[]; start?: number; endDay?: string; active: boolean; guardian: boolean }): RelatedPerson => {
    const start = p.start === undefined ? undefined : new Date(p.start).toISOString();
    const base = delegationOfInvitation({ patientId: PATIENT, given: "A", family: "B", relationship: "ami", scopes: p.scopes, endDay: p.endDay ?? "" }, { patientId: AGENTS[p.agent]!, accountId: "acc" }, new Date(T0));
    const relationship = p.guardian ? [{ coding: [{ system: "http://terminology.hl7.org/CodeSystem/v3-RoleCode", code: "GUARD" }] }] : base.relationship;
    return { ...base, id: "rp-0", active: p.active, relationship, period: { ...(start ? { start } : {}), ...(p.endDay ? { end: p.endDay } : {}) } };
  };

  it("a write it does not call a widening never lets anyone do more, at any instant from now on", () => {
    fc.assert(
      fc.property(person, person, fc.integer({ min: 0, max: 45 * DAY }), (before, after, later) => {
        const now = new Date(T0);
        const stored = build(before);
        const next = build(after);
        fc.pre(!widensDelegation(PATIENT, next, stored, now));
        const at = new Date(T0 + later);
        const [was] = rulesFromResources(PATIENT, [], [stored]).delegations;
        const [is] = rulesFromResources(PATIENT, [], [next]).delegations;
        if (!is || !applicableDelegation([is], is.agentPatientId, at)) return;
        expect(was && applicableDelegation([was], is.agentPatientId, at), "live now only if it was").toBeTruthy();
        if (is.kind === "guardian") expect(was?.kind).toBe("guardian");
        if (was?.kind === "delegate") for (const scope of is.scopes) expect(was.scopes.has(scope)).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });
});
