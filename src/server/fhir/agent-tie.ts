import "@/server/server-only";
import type { Actor } from "../access/actor";
import { applicableDelegation } from "../access/applicable-delegation";
import type { PatientRules } from "../access/rules";
import type { Queryable } from "../db/queryable";
import { unsafeLoadRules } from "./load-rules";

/**
 * The tie a caregiver or guardian writes under, as it stands inside the write's own transaction.
 *
 * Their actor is resolved when the request starts (actor-for-session.ts), and a form route
 * checks the session before it reads the body: an upload on a slow line, or any post held back,
 * was decided on the delegation as it was then. The patient's « Retirer », or fewer rights, could
 * answer while the act was still on its way, and the act landed after it (case 22, found by the
 * attack round: tests/integration/delegations/acts-in-flight.test.ts).
 *
 * So the write locks the RelatedPerson row it acts under (FOR SHARE: a withdrawal or a change,
 * an UPDATE of that row, waits for this write to commit, or this write for it) and reads the
 * patient's rules again after the lock, in the transaction. decide() then judges the write on
 * the rights as they are at commit; `live` is false when no tie of this person applies any more,
 * or another one does (the patient replaced it).
 */
export async function agentTieNow(db: Queryable, actor: Actor, now: Date): Promise<{ rules: PatientRules; live: boolean } | undefined> {
  if (actor.kind !== "delegate" && actor.kind !== "guardian") return undefined;
  await db.query(`SELECT 1 FROM fhir_resource WHERE id = $1::uuid AND resource_type = 'RelatedPerson' FOR SHARE`, [actor.relatedPersonId]);
  const rules = await unsafeLoadRules(db, actor.patientId);
  const live = applicableDelegation(rules.delegations, actor.selfPatientId, now)?.relatedPersonId === actor.relatedPersonId;
  return { rules, live };
}
