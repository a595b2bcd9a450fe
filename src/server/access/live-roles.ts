import type { PractitionerRole } from "@medplum/fhirtypes";
import { fhirExpiry, fhirStart } from "@/lib/dates/fhir-date";

/**
 * Whether a professional's role in the directory holds today: active, and within its period.
 * A role's period is often plain days: Paris calendar days, the last one included.
 */
export function roleIsLive(role: PractitionerRole, now: Date): boolean {
  return (
    role.active !== false &&
    (!role.period?.start || (fhirStart(role.period.start) ?? now) <= now) &&
    (!role.period?.end || now < (fhirExpiry(role.period.end) ?? now))
  );
}

/** What a professional may name as themself on a document: their roles and the establishments they practise at, today. */
export type OwnPlaces = { practitioner: string; roles: readonly string[]; organizations: readonly string[] };

export function ownPlaces(practitionerId: string, roles: readonly PractitionerRole[], now: Date): OwnPlaces {
  const mine = roles.filter((role) => role.practitioner?.reference === `Practitioner/${practitionerId}` && roleIsLive(role, now));
  return {
    practitioner: `Practitioner/${practitionerId}`,
    roles: mine.flatMap((role) => (role.id ? [`PractitionerRole/${role.id}`] : [])),
    organizations: [...new Set(mine.flatMap((role) => (role.organization?.reference ? [role.organization.reference] : [])))],
  };
}
