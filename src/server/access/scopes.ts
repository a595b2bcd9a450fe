/**
 * What a delegation may allow. A guardian holds them all (minus what a minor keeps secret);
 * a delegate holds the ones the patient ticked. Stored on the RelatedPerson as codes of
 * DELEGATION_SCOPE_SYSTEM.
 *
 * There is no scope to manage delegations: a caregiver who could write delegations could
 * widen their own (scopes, end date, a guardian's tie) or appoint others beyond what the
 * patient chose. Only the patient, or a guardian, manages them (decide.ts), so no code would
 * mean anything; an old "delegations:manage" code on a stored RelatedPerson is ignored.
 */
export const SCOPES = [
  "documents:read",
  "documents:write",
  "prescriptions:read",
  "prescriptions:share",
  "record:read",
  // Reading the patient's access trail ("voir qui a consulté mon dossier"), and nothing else: a
  // right of its own in the list, apart from managing the sharing settings. A caregiver
  // with privacy:manage reads the trail too (decide.ts says why).
  "audit:read",
  "privacy:manage",
  // Writing messages to the patient's professionals in the patient's name ("X pour Y").
  "messages:write",
] as const;

export type Scope = (typeof SCOPES)[number];

export function isScope(value: string): value is Scope {
  return (SCOPES as readonly string[]).includes(value);
}
