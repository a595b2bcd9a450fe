import "@/server/server-only";
import type { DelegateActor, GuardianActor } from "../access/actor";
import type { Delegation } from "../access/rules";
import { idOfRef } from "../auth/resolve-actor";
import type { RequestScope } from "../documents/request-scope";
import { isUuid } from "../fhir/ids";
import { createRepository } from "../fhir/repository";
import { orUndefined } from "../pages/or-undefined";

/**
 * A space the session still points at, that its person no longer reaches: only who they are
 * themself, never whose space it was. `endedBy`, when the access ended otherwise than withdrawn or
 * at an end date of its own: "majority", that person turned 18 (access/rules.ts), which whoever had
 * it knew was coming (a guardian, or a caregiver chosen in a child's space); "measure", the judge's
 * protection measure that made them her representative ended, at its last day or by the mainlevée
 * the assistance recorded (guardianship/end-protection-measure.ts). Said to the representative
 * only: he knew of the measure; a caregiver he chose reads the general sentence, which tells her
 * nothing of a measure she may not have known of.
 */
export type LostSpace = { selfPatientId: string; endedBy?: "majority" | "measure" };

/**
 * Whether the session's chosen space (set by /espace/espace-actif, kept in the session) is
 * another person's space that the person no longer reaches: the delegation was withdrawn or
 * ended since they opened it. actorForSession then falls back to the person's own space, so a
 * page would show their own record under the other's address, or « Page introuvable ».
 *
 * That it is lost is asked of decide(), through the repository, as the agent of the last tie
 * naming them there: may they read the person? A refusal is the answer, and its audit row goes
 * in the page's INSERT (the patient sees the attempt). Nothing of the person is kept, not even
 * their name: the decision refused it.
 */
export async function lostSpace({ session, repo, ctx, lostSpace: spaceId }: RequestScope): Promise<LostSpace | undefined> {
  // Known without a read when the actor was worked out (actor-for-session.ts).
  if (!spaceId || !isUuid(spaceId)) return undefined;
  const selfPatientId = idOfRef(session.account.fhirRef, "Patient");
  if (!selfPatientId) return undefined;
  // The rules actorForSession read to find the actor: the request's repository knows them.
  const rules = await repo.rules(spaceId);
  const tie = lastTie(rules.delegations, selfPatientId);
  const asAgent: GuardianActor | DelegateActor = {
    kind: tie?.kind ?? "delegate",
    accountId: session.account.id,
    selfPatientId,
    patientId: spaceId,
    // No tie left at all (its RelatedPerson removed): an agent of none, whom decide() refuses too.
    relatedPersonId: tie?.relatedPersonId ?? "",
  };
  const agentRepo = await createRepository(asAgent, ctx);
  agentRepo.knowRules(rules);
  agentRepo.auditAlongside(repo);
  const reached = await orUndefined(agentRepo.read("Patient", spaceId));
  if (reached) return undefined;
  return { selfPatientId, ...endedBy(tie, agentRepo.now()) };
}

function endedBy(tie: Delegation | undefined, now: Date): Pick<LostSpace, "endedBy"> {
  if (tie?.measure && (!tie.active || (tie.end && tie.end <= now))) return { endedBy: "measure" };
  if (tie?.active && tie.endsAtMajority && tie.end && tie.end <= now) return { endedBy: "majority" };
  return {};
}

/** The tie the person last had in that space: the one that started last (no start counts as earliest). */
function lastTie(delegations: readonly Delegation[], agentPatientId: string): Delegation | undefined {
  let last: Delegation | undefined;
  for (const tie of delegations) {
    if (tie.agentPatientId !== agentPatientId) continue;
    if (!last || (tie.start?.getTime() ?? Number.NEGATIVE_INFINITY) >= (last.start?.getTime() ?? Number.NEGATIVE_INFINITY)) last = tie;
  }
  return last;
}
