import "@/server/server-only";
import { SYSTEMS } from "@/lib/fhir/systems";
import { database } from "../db/client";

/**
 * The ties whose last day falls between two Paris days (inclusive, "AAAA-MM-JJ"), not revoked,
 * and not announced yet: the "ends soon" candidates of the delegations tick (`caregivers`: a
 * caregiver's delegation, not a guardian's tie, which ends at majority, announced by the majority
 * tick) and of the measures' daily job (`measures`: a guardian's tie marked as a judge's protection
 * measure, guardianship/measures-ending-tick.ts). Every delegation counts, whether it came from an
 * invitation, the seed or anything else: the RelatedPerson is the delegation. Access metadata read
 * by a system job (like guarded-patients.ts); each job then reads each one through the audited
 * system repository and decides exactly with the rules.
 *
 * "Not announced yet" is the notice's own dedupe key (endingNoticeKey, which both jobs build), so
 * a notice sent drops the tie from the next runs and the limit never hides one for good; a
 * renewal changes the end, hence the key, and the new end is announced in its turn.
 */
export type EndingDelegation = { patientId: string; relatedPersonId: string };
export type EndingTies = "caregivers" | "measures";

const NOTICE = { caregivers: "delegation-ending", measures: "protection-measure-ending" } as const satisfies Record<EndingTies, string>;

export const endingNoticeKey = (relatedPersonId: string, periodEnd: string, ties: EndingTies = "caregivers") => `${NOTICE[ties]}:${relatedPersonId}:${periodEnd}`;

export async function findDelegationsEndingBetween(firstDay: string, lastDay: string, limit = 500, ties: EndingTies = "caregivers"): Promise<EndingDelegation[]> {
  const { sql } = await database();
  const measures = ties === "measures";
  const rows = await sql.query<{ id: string; patient_id: string }>(
    `SELECT r.id::text AS id, r.patient_id::text AS patient_id FROM fhir_resource r
      WHERE r.resource_type = 'RelatedPerson' AND NOT r.deleted AND r.patient_id IS NOT NULL
        AND r.status = 'active'
        AND left(r.content->'period'->>'end', 10) BETWEEN $1 AND $2
        AND (r.content->'relationship' @> '[{"coding":[{"code":"GUARD"}]}]'::jsonb) = $4::boolean
        AND ($5::jsonb IS NULL OR r.content->'extension' @> $5::jsonb)
        AND NOT EXISTS (SELECT 1 FROM notification n
                         WHERE n.dedupe_key = $6 || ':' || r.id::text || ':' || (r.content->'period'->>'end') || ':agent')
      ORDER BY r.content->'period'->>'end', r.id
      LIMIT $3::int`,
    [firstDay, lastDay, limit, measures, measures ? JSON.stringify([{ url: SYSTEMS.protectionMeasure }]) : null, NOTICE[ties]],
  );
  return rows.map((row) => ({ patientId: row.patient_id, relatedPersonId: row.id }));
}
