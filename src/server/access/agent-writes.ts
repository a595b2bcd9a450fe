import type { Patient, RelatedPerson, Resource } from "@medplum/fhirtypes";
import type { Actor } from "./actor";
import { applicableDelegation } from "./applicable-delegation";
import type { Reason } from "./decision";
import { rulesFromResources, type Delegation, type PatientRules } from "./rules";

/**
 * What someone acting for a patient (a guardian, a caregiver) may never write, even where
 * decide() lets them write that part of the space: nothing that touches their own rights. Pure,
 * checked by the repository on every create, update and delete after decide(), against the
 * stored version and the new one, so that the general rule holds whatever the door (API,
 * pages): an agent's rights after a write are never larger than before (see
 * tests/unit/access/agent-rights.property.test.ts).
 *
 * - Nobody acting for a patient writes a RelatedPerson that names themself (their own
 *   delegation, or a new one for them): only the patient, or another guardian, sets it.
 * - A caregiver never writes a guardian's tie, never grants scopes they do not hold, nor a
 *   delegation lasting longer than their own. (decide() refuses caregivers every delegation
 *   write today; this stays true if that ever opens.)
 * - Nobody acting for a patient writes a privacy rule (Consent) about themself.
 * - Nobody acting for a patient changes the patient's birth date (it ends guardianships).
 * - A guardian never changes or ends another guardian's tie: both parents manage the child's
 *   space, and withdrawing parental authority is for a judge (Code civil, art. 373-2-1 and
 *   378), not for the other parent's click. Appointing the other parent stays open.
 */
export function agentWriteRefusal(
  actor: Actor,
  rules: PatientRules,
  next: Resource | undefined,
  stored: Resource | undefined,
  now: Date,
): Reason | undefined {
  if (actor.kind !== "guardian" && actor.kind !== "delegate") return undefined;
  const self = { patientId: actor.selfPatientId, relatedPersonId: actor.relatedPersonId };
  const ownRelatedPersons = new Set(
    rules.delegations.filter((d) => d.agentPatientId === self.patientId).map((d) => d.relatedPersonId),
  );
  ownRelatedPersons.add(self.relatedPersonId);
  for (const resource of [stored, next]) {
    if (!resource) continue;
    if (resource.resourceType === "RelatedPerson") {
      const delegation = delegationOf(rules.patientId, resource);
      if (ownRelatedPersons.has(resource.id ?? "") || delegation?.agentPatientId === self.patientId || namesAgent(resource, self.patientId)) {
        return "self-delegation";
      }
      if (actor.kind === "guardian" && resource === stored && isGuardianship(resource)) return "guardian-tie";
      if (actor.kind === "delegate") {
        const refusal = beyondOwnDelegation(delegation, resource, applicableDelegation(rules.delegations, self.patientId, now));
        if (refusal) return refusal;
      }
    } else if (resource.resourceType === "Patient" && stored?.resourceType === "Patient" && next?.resourceType === "Patient") {
      // The birth date ends a guardianship at majority (children/majority.ts): a guardian who
      // made the child younger would keep the access past 18. Only the record system changes it.
      if (resource === next && (stored.birthDate ?? "") !== (next.birthDate ?? "")) return "birth-date";
      // The e-mail on the record is where the majority handover sends the activation code of the
      // young adult's own account (children/run-majority-tick.ts), which the birth date alone then
      // opens: a guardian who put their own address there would receive the code and keep the
      // space past 18, what the young person kept from them included (CSP art. L1111-5). So
      // whoever acts for the patient never changes it; without one from the record system, the
      // young person asks the service for an activation letter.
      if (resource === next && emailsOf(stored) !== emailsOf(next)) return "record-email";
    } else if (resource.resourceType === "Consent") {
      if (referencesOf(resource.provision).some((ref) => ref === `Patient/${self.patientId}` || ownRelatedPersons.has(ref.replace(/^RelatedPerson\//, "")))) {
        return "self-rule";
      }
    }
  }
  return undefined;
}

/** The record's e-mail addresses, in order, as one comparable string. */
function emailsOf(patient: Patient): string {
  return JSON.stringify((patient.telecom ?? []).filter((t) => t.system === "email").map((t) => [t.value?.trim().toLowerCase() ?? "", t.period?.end ?? "", t.use ?? ""]));
}

function delegationOf(patientId: string, person: RelatedPerson): Delegation | undefined {
  return rulesFromResources(patientId, [], [{ ...person, id: person.id ?? "new" }]).delegations[0];
}

/** Whether the resource names the agent's Patient anywhere but as the patient of the space. */
function namesAgent(person: RelatedPerson, agentPatientId: string): boolean {
  const { patient: _space, ...rest } = person;
  return referencesOf(rest).includes(`Patient/${agentPatientId}`) || (person.identifier ?? []).some((id) => id.value === agentPatientId);
}

function isGuardianship(person: RelatedPerson): boolean {
  return (person.relationship ?? []).some((r) => (r.coding ?? []).some((c) => c.code === "GUARD"));
}

function beyondOwnDelegation(written: Delegation | undefined, person: RelatedPerson, own: Delegation | undefined): Reason | undefined {
  if (isGuardianship(person) || written?.kind === "guardian") return "guardian-tie";
  if (!own || !written) return "scope-widening";
  if ([...written.scopes].some((scope) => !own.scopes.has(scope))) return "scope-widening";
  if (own.end && (!written.end || written.end > own.end)) return "end-widening";
  return undefined;
}

/** Every `reference` string inside a value (a resource or part of one). */
function referencesOf(value: unknown, found: string[] = []): string[] {
  if (Array.isArray(value)) {
    for (const item of value) referencesOf(item, found);
  } else if (value && typeof value === "object") {
    for (const [key, inner] of Object.entries(value)) {
      if (key === "reference" && typeof inner === "string") found.push(inner);
      else referencesOf(inner, found);
    }
  }
  return found;
}
