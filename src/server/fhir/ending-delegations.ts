import "@/server/server-only";
import { database } from "../db/client";

/**
 * The caregivers' delegations whose last day falls between two Paris days (inclusive,
 * "AAAA-MM-JJ"), not revoked, not a guardian's tie (that one ends at majority, which the
 * majority tick announces), and not announced yet: the "ends soon" candidates of the
 * delegations tick. Every delegation counts, whether it came from an invitation, the seed or
 * anything else: the RelatedPerson is the delegation. Access metadata read by a system job
 * (like guarded-patients.ts); the tick then reads each one through the audited system repository
 * and decides exactly with the rules.
 *
 * "Not announced yet" is the notice's own dedupe key (delegations-tick.ts builds the same one),
 * so a notice sent drops the delegation from the next runs and the limit never hides one for
 * good; a renewal changes the end, hence the key, and the new end is announced in its turn.
 */
export type EndingDelegation = { patientId: string; relatedPersonId: string };

export const endingNoticeKey = (relatedPersonId: string, periodEnd: string) => `delegation-ending:${relatedPersonId}:${periodEnd}`;

export async function findDelegationsEndingBetween(firstDay: string, lastDay: string, limit = 500): Promise<EndingDelegation[]> {
  const { sql } = await database();
  const rows = await sql.query<{ id: string; patient_id: string }>(
    `SELECT r.id::text AS id, r.patient_id::text AS patient_id FROM fhir_resource r
      WHERE r.resource_type = 'RelatedPerson' AND NOT r.deleted AND r.patient_id IS NOT NULL
        AND r.status = 'active'
        AND left(r.content->'period'->>'end', 10) BETWEEN $1 AND $2
        AND NOT r.content->'relationship' @> '[{"coding":[{"code":"GUARD"}]}]'::jsonb
        AND NOT EXISTS (SELECT 1 FROM notification n
                         WHERE n.dedupe_key = 'delegation-ending:' || r.id::text || ':' || (r.content->'period'->>'end') || ':agent')
      ORDER BY r.content->'period'->>'end', r.id
      LIMIT $3::int`,
    [firstDay, lastDay, limit],
  );
  return rows.map((row) => ({ patientId: row.patient_id, relatedPersonId: row.id }));
}
