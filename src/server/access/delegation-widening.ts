import type { RelatedPerson, Resource } from "@medplum/fhirtypes";
import { rulesFromResources, type Delegation } from "./rules";

/**
 * Whether writing `next` over `stored` (undefined: a create) lets an agent do something, at
 * some instant, that `stored` did not: a new live delegation, another agent, a caregiver made a
 * guardian, a scope added, a later or removed last day, a pause ended early, a start taken off,
 * a revoked delegation brought back. Narrowing (fewer scopes, an earlier end, a revocation) is not.
 *
 * The pause against pressure (issue 13, delegations/invitation-state.ts) hangs on this: the
 * repository refuses every widening write from a request (API or page), so the only ways to
 * give a caregiver more are the use cases of src/server/delegations, which all start the new
 * terms after the pause and tell the patient with a cancel link. Pure, tested as a table
 * (tests/unit/access/delegation-widening.test.ts).
 *
 * `patient`: the patient's birth date, which ends at majority a delegation begun before it
 * (rules.ts). Both versions are read with it, as decide() reads them: without it, a guardian who
 * took the start off her child's caregiver's delegation, or moved it past the 18th birthday,
 * changed no date this check saw, and the caregiver stayed in the young adult's space until the
 * end date, up to three years (found by the attack round).
 */
export function widensDelegation(patientId: string, next: Resource | undefined, stored: Resource | undefined, now: Date, patient: { birthDate?: string } = {}): boolean {
  if (next?.resourceType !== "RelatedPerson") return false;
  const after = delegationOf(patientId, next, patient);
  if (!after || !after.active) return false;
  const before = stored?.resourceType === "RelatedPerson" ? delegationOf(patientId, stored, patient) : undefined;
  if (!before || !before.active || before.agentPatientId !== after.agentPatientId) return true;
  if (before.kind === "delegate" && after.kind === "guardian") return true;
  if ([...after.scopes].some((scope) => !before.scopes.has(scope))) return true;
  if (before.end && (!after.end || after.end > before.end)) return true;
  return startsEarlier(after.start, before.start, now);
}

/**
 * A start moved earlier matters only while the stored one is still ahead (a pause running). A
 * start taken off always does: without one, a delegation reads as never begun during a minority
 * (rules.ts), so it would neither end at the 18th birthday nor be kept from what the minor keeps
 * secret from her parents.
 */
function startsEarlier(after: Date | undefined, before: Date | undefined, now: Date): boolean {
  if (before && !after) return true;
  if (!before || before <= now) return false;
  return after !== undefined && after < before;
}

function delegationOf(patientId: string, person: RelatedPerson, patient: { birthDate?: string }): Delegation | undefined {
  return rulesFromResources(patientId, [], [{ ...person, id: person.id ?? "new" }], patient).delegations[0];
}
