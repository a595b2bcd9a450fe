import type { Delegation } from "./rules";

/** Whether a delegation lets its agent act at `now` (not revoked, started, not ended). */
export function delegationIsLive(delegation: Pick<Delegation, "active" | "start" | "end">, now: Date): boolean {
  if (!delegation.active) return false;
  if (delegation.start && now < delegation.start) return false;
  if (delegation.end && now >= delegation.end) return false;
  return true;
}

/**
 * Which of a person's relationships to a patient applies now, when the patient's rules name
 * them more than once (a guardianship and a caregiver's delegation, or two delegations). The
 * same answer wherever it is asked (resolving the actor, deciding each resource), never "the
 * first row the database returned":
 *   1. only live ones count;
 *   2. a guardianship before a delegation (the legal tie is the one that governs);
 *   3. then the latest start (the patient's most recent choice; no start counts as earliest);
 *   4. then the smallest id, so two rows alike still give one answer.
 */
export function applicableDelegation(delegations: readonly Delegation[], agentPatientId: string, now: Date): Delegation | undefined {
  const at = now.getTime();
  const last = lastAnswers.get(delegations);
  if (last && last.agentPatientId === agentPatientId && last.at === at) return last.answer;
  let best: Delegation | undefined;
  for (const candidate of delegations) {
    if (candidate.agentPatientId !== agentPatientId || !delegationIsLive(candidate, now)) continue;
    if (!best || precedes(candidate, best)) best = candidate;
  }
  lastAnswers.set(delegations, { agentPatientId, at, answer: best });
  return best;
}

/**
 * The last answer for each list of delegations: decide() asks the same question for every row a
 * search's filter probes (row-filter.ts: 48 kinds of row, on each search of a caregiver's page),
 * with the same rules and the same instant. Keyed on the list itself (a rules object's, built
 * once when the rules are read and never changed: rules.ts), so rules read anew are decided anew,
 * and dropped with it. The answer is the function's own for these arguments: only its cost changes.
 */
const lastAnswers = new WeakMap<readonly Delegation[], { agentPatientId: string; at: number; answer: Delegation | undefined }>();

function precedes(a: Delegation, b: Delegation): boolean {
  if (a.kind !== b.kind) return a.kind === "guardian";
  const startA = a.start?.getTime() ?? Number.NEGATIVE_INFINITY;
  const startB = b.start?.getTime() ?? Number.NEGATIVE_INFINITY;
  if (startA !== startB) return startA > startB;
  return a.relatedPersonId < b.relatedPersonId;
}
