import "server-only";
import type { Delegation } from "../access/rules";
import { database } from "../db/client";
import { loadRules } from "./load-rules";

/**
 * The delegations that name this patient as the agent (guardian or caregiver), read from the
 * RelatedPersons of the patients who made them (indexed on actor_ref = "Patient/<agent>").
 * Live or not: callers decide with resolveActor/decide(), which check activity and dates.
 * Records no audit row: it is access metadata, like the rules the decision reads.
 */
export type AgentDelegation = { patientId: string; delegation: Delegation };

export async function findDelegationsOfAgent(agentPatientId: string): Promise<AgentDelegation[]> {
  const { sql } = await database();
  const rows = await sql.query<{ patient_id: string }>(
    `SELECT DISTINCT patient_id FROM fhir_resource
      WHERE actor_ref = $1 AND resource_type = 'RelatedPerson' AND NOT deleted AND patient_id IS NOT NULL
      LIMIT 500`,
    [`Patient/${agentPatientId}`],
  );
  const found: AgentDelegation[] = [];
  for (const { patient_id: patientId } of rows) {
    const rules = await loadRules(sql, patientId);
    for (const delegation of rules.delegations) {
      if (delegation.agentPatientId === agentPatientId) found.push({ patientId, delegation });
    }
  }
  return found;
}
