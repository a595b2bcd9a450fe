/**
 * What a delegation may allow. A guardian holds them all (minus what a minor keeps secret);
 * a delegate holds the ones the patient ticked. Stored on the RelatedPerson as codes of
 * DELEGATION_SCOPE_SYSTEM.
 */
export const SCOPES = [
  "documents:read",
  "documents:write",
  "prescriptions:read",
  "prescriptions:share",
  "record:read",
  "privacy:manage",
  "delegations:manage",
] as const;

export type Scope = (typeof SCOPES)[number];

export function isScope(value: string): value is Scope {
  return (SCOPES as readonly string[]).includes(value);
}
