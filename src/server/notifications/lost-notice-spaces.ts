import "@/server/server-only";
import { decide } from "../access/decide";
import type { CurrentSession } from "../auth/check-session";
import { resolveActor } from "../auth/resolve-actor";
import { unsafeNoticeSpacesOfAccount } from "../fhir/notice-spaces-of-account";

/**
 * The spaces whose notices addressed to this account are no longer hers to see: a caregiver's
 * « un professionnel a répondu à un message que vous avez écrit pour une personne que vous
 * aidez » (message-answered-for-caregiver, the one kind written with a `space`) once her
 * delegation has ended, been withdrawn, or lost the right to write messages. They stayed listed
 * and counted unread, and opening one only said the space was lost. Decided by decide() as the
 * actor a session in that space would be (resolveActor, as switchSpace and noticeSpaceReached
 * do), for what the notice leads to: writing in the person's conversations. Not audited: nothing
 * of the space is read or shown, only the account's own notices left out. A kind given a space
 * later must say here what right its notices need.
 */
export async function lostNoticeSpaces(session: CurrentSession, now: Date): Promise<string[]> {
  if (session.account.kind !== "patient") return [];
  const spaces = await unsafeNoticeSpacesOfAccount(session.account.id);
  return spaces
    .filter(({ patientId, rules }) => {
      const actor = resolveActor({ ...session, activeSpace: `Patient/${patientId}` }, rules.delegations, now);
      if (!actor || actor.kind === "patient" || !("patientId" in actor) || actor.patientId !== patientId) return true;
      return !decide(actor, "create", { resourceType: "Communication", patientId, confidentiality: "N", labels: [] }, rules, now).allow;
    })
    .map(({ patientId }) => patientId);
}
