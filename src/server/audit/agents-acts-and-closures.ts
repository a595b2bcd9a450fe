import "@/server/server-only";
import type { Repository } from "../fhir/repository";
import { database } from "../db/client";
import { isUuid } from "../fhir/ids";
import { mayListTies } from "../notifications/notices-of-ties";
import { mayReadTrail } from "./may-read-trail";

/** What /espace/proches shows of each person who acts for the space beyond her delegation itself. */
export type AgentsActsAndClosures = {
  /** "Dernière action": when each caregiver last acted in the space, for whoever may read its trail. */
  lastActs: Map<string, Date>;
  /** The agents whose account is closed, so who can no longer act whatever their delegation says. */
  closed: Set<string>;
};

/**
 * Of the agents named in a patient's space, when each last acted there (from the patient's own
 * trail, for whoever may read that trail: the same gate as the history page) and which of them
 * can no longer act because their own space is closed (accounts/close-space.ts made her Patient
 * inactive and shut her account; accounts/reopen-space.ts makes it active again, so this is
 * derived at each view and never stored) or erased (jobs/erase-closed-spaces.ts: her Patient is
 * gone). The patient whose caregiver closed her space, or the other parent of her children, was
 * shown her as an active caregiver or guardian and relied on someone who could not come.
 *
 * One statement for both (the page is benchmarked, issue 16: nothing read per row). A closure is
 * told only to whoever may list the space's delegations (decide(), the RelatedPersons of that
 * space), and only of agents a RelatedPerson of that space names: nothing of anyone else's record
 * is read but whether her Patient is still an open space, and nothing of why is said.
 */
export async function agentsActsAndClosures(repo: Repository, patientId: string, agentPatientIds: string[]): Promise<AgentsActsAndClosures> {
  const found: AgentsActsAndClosures = { lastActs: new Map(), closed: new Set() };
  // Every Patient's id is a UUID (the store's key): another would fail the cast below, and has no record to act from.
  const asked = agentPatientIds.filter(isUuid);
  if (asked.length === 0) return found;
  const [trail, ties] = await Promise.all([
    mayReadTrail(repo, patientId),
    mayListTies(repo, patientId),
  ]);
  if (!trail && !ties) return found;
  const { sql } = await database();
  // Each caregiver's newest act, found by walking audit_patient_on_behalf_idx (patient, agent,
  // recorded) backwards from their newest row: a max() over GROUP BY read every act of theirs,
  // 6 to 12 ms on each view of the page for a caregiver of a few years (9,880 acts in the pages
  // bench, issue 16); this reads a row or two each. Her closure: her Patient's row by its key.
  //
  // One plan kept (agents-acts-plan-kept.test.ts): PostgreSQL planned this statement again at
  // every view, 0.65 ms of each bind in the pages bench's log (the relatives page 0.90 -> 1.07 of
  // the documents page, run 126), because a plan made for the values at hand always looked
  // cheaper than the generic one. Two reasons, both removed: what the viewer may not know was
  // switched off by boolean parameters that a custom plan folds away (it is left out of the text
  // now), and a custom plan counted the agents of an array parameter (unnest's own estimate: one
  // or two) where the generic one assumes ten. They come as a JSON array, which no plan counts
  // (jsonb_array_elements_text has no estimate of its own: a hundred, either way), so the generic
  // plan is kept.
  const params: unknown[] = [patientId, JSON.stringify(asked.map((id) => `Patient/${id}`))];
  const last = trail
    ? `(SELECT e.recorded FROM audit_event e
         WHERE e.patient_id = $1::uuid AND e.agent = asked.agent AND e.on_behalf_of = $${params.push(`Patient/${patientId}`)}::text AND e.outcome = 'success'
         ORDER BY e.recorded DESC LIMIT 1)`
    : "NULL::timestamptz";
  const closed = ties
    ? `EXISTS (SELECT 1 FROM fhir_resource rp
                WHERE rp.actor_ref = asked.agent AND rp.resource_type = 'RelatedPerson' AND rp.patient_id = $1::uuid AND NOT rp.deleted)
       AND NOT EXISTS (SELECT 1 FROM fhir_resource p
                        WHERE p.id = substr(asked.agent, 9)::uuid AND p.resource_type = 'Patient' AND NOT p.deleted
                          AND p.status IS DISTINCT FROM 'inactive')`
    : "false";
  const rows = await sql.query<{ agent: string; last: Date | string | null; closed: boolean }>(
    `SELECT asked.agent, ${last} AS last, ${closed} AS closed FROM jsonb_array_elements_text($2::jsonb) AS asked(agent)`,
    params,
  );
  for (const row of rows) {
    const agent = row.agent.slice("Patient/".length);
    if (row.last !== null) found.lastActs.set(agent, new Date(row.last));
    if (row.closed) found.closed.add(agent);
  }
  return found;
}
