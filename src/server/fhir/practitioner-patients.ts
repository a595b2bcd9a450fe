import "server-only";
import type { PractitionerActor } from "../access/actor";
import { practitionerAccess } from "../access/decide";
import type { PatientRules } from "../access/rules";
import type { Queryable } from "../db/queryable";

/**
 * The patients holding an "authorise" Consent that names this practitioner (indexed on
 * actor_ref). Candidates only: the repository then checks each patient's rules (a block, an
 * expired grant), so what is returned to the caller is what decide() allows.
 *
 * LIMIT 5000, on purpose and not silently forever: the professional's home reads and audits each
 * patient it lists, so the list is bounded to what one page can afford. Access itself never
 * depends on this list (decide() reads each patient's rules). A professional authorised by more
 * patients needs a paged list with a count (not built yet: see the closing note).
 */
export async function authorisingPatientIds(db: Queryable, practitionerId: string): Promise<string[]> {
  const rows = await db.query<{ patient_id: string }>(
    `SELECT DISTINCT patient_id FROM fhir_resource
      WHERE actor_ref = $1 AND resource_type = 'Consent' AND category = 'authorise' AND status = 'active'
        AND NOT deleted AND patient_id IS NOT NULL
      LIMIT 5000`,
    [`Practitioner/${practitionerId}`],
  );
  return rows.map((row) => row.patient_id);
}

export type AuthorisingPatient = { patientId: string; until?: Date; restricted: boolean };

/**
 * Whether this patient's rules let the practitioner in now on an authorisation (not an
 * emergency), and until when: no end for a standing authorisation, else the latest grant's end.
 */
export function authorisationOf(actor: PractitionerActor, patientId: string, rules: PatientRules, now: Date): AuthorisingPatient | undefined {
  const access = practitionerAccess({ ...actor, emergency: undefined }, rules, now);
  if (access.ground !== "authorised") return undefined;
  const grants = rules.authorisations.filter((a) => a.practitionerId === actor.practitionerId && (!a.until || now < a.until));
  const standing = grants.some((g) => !g.until);
  const until = standing ? undefined : new Date(Math.max(...grants.map((g) => g.until?.getTime() ?? 0)));
  return { patientId, until, restricted: access.restricted };
}
