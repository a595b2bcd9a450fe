import "@/server/server-only";
import { spaceOf } from "../access/actor";
import { mayReadTrail } from "../audit/may-read-trail";
import type { RequestScope } from "../documents/request-repository";
import type { NotificationOwners } from "../db/notification-store";
import { mayListTies, TOLD_TO_TIES_READERS } from "./notices-of-ties";

/**
 * Whose notifications the person sees: their account's, their own space's (a patient's account
 * is bound to their Patient), and the space they act in when its rules let them read its
 * history (a guardian; a delegate with the history right), decided by decide() like every
 * access. Reading another person's notices leaves a row in that person's trail.
 */
export async function notificationOwners(scope: RequestScope, audit: boolean): Promise<NotificationOwners> {
  const { session, actor, repo } = scope;
  const own = session.account.fhirRef.startsWith("Patient/") ? session.account.fhirRef.slice("Patient/".length) : undefined;
  const patientIds = own ? [own] : [];
  const space = spaceOf(actor);
  if (space && space !== own) {
    if (await mayReadTrail(repo, space, "search")) {
      patientIds.push(space);
      if (audit) await repo.audit({ patientId: space, entity: "Notification", interaction: "search", outcome: "success" });
      // A caregiver by her history right alone: not the news of the people the space names (notices-of-ties.ts).
      if (!(await mayListTies(repo, space))) return { accountId: session.account.id, patientIds, kindsLeftOut: { patientId: space, kinds: TOLD_TO_TIES_READERS } };
    }
  }
  return { accountId: session.account.id, patientIds };
}
