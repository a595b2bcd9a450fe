import "@/server/server-only";
import type { Delegation, PatientRules } from "../access/rules";
import { database } from "../db/client";

/**
 * The delegations that name this patient as the agent (guardian or caregiver), read from the
 * RelatedPersons of the patients who made them (indexed on actor_ref = "Patient/<agent>").
 * Live or not: callers decide with resolveActor/decide(), which check activity and dates.
 * Records no audit row: it is access metadata, like the rules the decision reads. `unsafe`:
 * no decision guards it; only the space switcher and the space list call it, for the session's
 * own patient id.
 *
 * No LIMIT: a delegation left out would be a space the person cannot reach, or one they keep
 * after it should be shown to them. The list is as long as the number of people who named this
 * person (a family, a few dozen at most for a professional carer), each made by hand.
 */
export type AgentDelegation = { patientId: string; delegation: Delegation; rules: PatientRules };

export async function unsafeFindDelegationsOfAgent(
  agentPatientId: string,
  /** How each patient's rules are read: the request's repository, which keeps the rules it already read (its actor's space's). */
  rulesOf: (patientId: string) => Promise<PatientRules>,
): Promise<AgentDelegation[]> {
  const { sql } = await database();
  const rows = await sql.query<{ patient_id: string }>(
    `SELECT DISTINCT patient_id FROM fhir_resource
      WHERE actor_ref = $1 AND resource_type = 'RelatedPerson' AND NOT deleted AND patient_id IS NOT NULL`,
    [`Patient/${agentPatientId}`],
  );
  // Every patient's rules at once: a caregiver of three people waited for three reads in turn on
  // every home page (issue 16). They are returned with the delegations, so that the space list's
  // repositories decide with them instead of reading them again.
  const rulesOfPatients = await Promise.all(rows.map(({ patient_id: patientId }) => rulesOf(patientId)));
  return rulesOfPatients.flatMap((rules) =>
    rules.delegations.filter((delegation) => delegation.agentPatientId === agentPatientId).map((delegation) => ({ patientId: rules.patientId, delegation, rules })),
  );
}
