import type { Actor } from "../access/actor";
import { applicableDelegation } from "../access/applicable-delegation";
import type { Delegation } from "../access/rules";
import type { CurrentSession } from "./check-session";

/**
 * Turns a checked session into the Actor the repository works for. Pure: the caller passes the
 * delegations recorded on the patient whose space is active (the RelatedPersons of that
 * patient, read fresh on every request), so a revoked or expired delegation stops working on
 * the very next request. decide() checks scopes and dates again on every resource.
 */
export function idOfRef(reference: string | null | undefined, type: "Patient" | "Practitioner"): string | undefined {
  const prefix = `${type}/`;
  return reference?.startsWith(prefix) && reference.length > prefix.length ? reference.slice(prefix.length) : undefined;
}

/**
 * The actor for `session` in its active space. A patient whose active space is another patient
 * acts as guardian or delegate only through a live delegation naming them (identifier
 * SYSTEMS.agentPatient = their own Patient id); without one, the answer is undefined and the
 * caller falls back to the person's own space. When the patient's rules name the person more
 * than once, applicableDelegation() says which one applies (the same rule decide() uses).
 */
export function resolveActor(session: CurrentSession, delegationsOfSpace: readonly Delegation[], now: Date): Actor | undefined {
  const accountId = session.account.id;
  if (session.account.kind === "practitioner") {
    const practitionerId = idOfRef(session.account.fhirRef, "Practitioner");
    if (!practitionerId) return undefined;
    const emergency = session.emergency && session.emergency.until > now ? session.emergency : undefined;
    return {
      kind: "practitioner",
      accountId,
      practitionerId,
      // The reason was recorded in the audit trail when the access was opened.
      ...(emergency ? { emergency: { patientId: emergency.patientId, until: emergency.until, reason: "" } } : {}),
    };
  }
  const selfPatientId = idOfRef(session.account.fhirRef, "Patient");
  if (!selfPatientId) return undefined;
  const spaceId = idOfRef(session.activeSpace, "Patient") ?? selfPatientId;
  if (spaceId === selfPatientId) return { kind: "patient", accountId, patientId: selfPatientId };
  const delegation = applicableDelegation(delegationsOfSpace, selfPatientId, now);
  if (!delegation) return undefined;
  return { kind: delegation.kind, accountId, selfPatientId, patientId: spaceId, relatedPersonId: delegation.relatedPersonId };
}

/** The patient whose space the session shows, when it is not the person's own. */
export function delegatedSpaceOf(session: CurrentSession): string | undefined {
  if (session.account.kind !== "patient") return undefined;
  const spaceId = idOfRef(session.activeSpace, "Patient");
  return spaceId && spaceId !== idOfRef(session.account.fhirRef, "Patient") ? spaceId : undefined;
}
