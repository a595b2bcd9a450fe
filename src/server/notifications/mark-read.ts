import "@/server/server-only";
import { spaceOf } from "../access/actor";
import { actorForSession } from "../auth/actor-for-session";
import { switchSpace } from "../auth/switch-space";
import type { RequestScope } from "../documents/request-repository";
import { markAllRead, markReadLeadingTo, openNotification } from "../db/notification-store";
import { isUuid } from "../fhir/ids";
import { noticeSpaceReached } from "./notice-space-reached";
import { notificationOwners } from "./notification-owners";

export async function markAllMyNotificationsRead(scope: RequestScope): Promise<void> {
  await markAllRead(await notificationOwners(scope, false));
}

/**
 * The conversation's own notices read once it is opened: its « Nouveau message » stayed unread
 * beside the conversation just read, and the next message then added a second one beside it
 * (one notice per unread conversation, notify.ts's refreshUnread). The notices of whoever
 * opens it (her own, and those of the space she acts in, as « Voir » marks them).
 */
export async function markConversationNoticesRead(scope: RequestScope, link: `/${string}`): Promise<void> {
  await markReadLeadingTo(await notificationOwners(scope, false), ["message-received", "message-answered-for-caregiver"], link);
}

/**
 * Marks one notification read and gives where it leads; undefined for anything not the caller's.
 * Its page is that of the space it belongs to: a guardian who opens her own « Une délégation
 * prend fin bientôt » from her son's space is taken back to her own space first, or its link
 * (/espace/proches) would show her son's relatives. The move is switchSpace's, which checks the
 * right again; the notices listed are only those of spaces the person reaches
 * (notification-owners.ts). An account's own notice (a sign-in) belongs to no space.
 * The other way round too: Camille, in her own space, opens a notice of her son Léo's (an old
 * tab, or the e-mail guardians get for a child's notices): it is opened when she may act in his
 * space and read its notices there (notice-space-reached.ts), and she is taken there.
 */
export async function openMyNotification(scope: RequestScope, id: string, now: Date): Promise<`/${string}` | undefined> {
  if (!isUuid(id)) return undefined;
  const opened = (await openNotification(await notificationOwners(scope, false), id.toLowerCase())) ?? (await openInItsSpace(scope, id.toLowerCase(), now));
  // Links are written by our own code (notify() keeps only local paths); checked again here.
  if (!opened || !opened.link.startsWith("/") || opened.link.startsWith("//")) return undefined;
  // The right to act in its space has ended since (a delegation withdrawn): back to the list, which
  // says why rather than reading as if « Voir » had done nothing.
  if (opened.patientId && opened.patientId !== spaceOf(scope.actor) && !(await switchSpace(scope.session, opened.patientId, now))) return "/espace/notifications?espace=perdu";
  // A caregiver is taken to the page, not to the part of it the notice is about: a « prévention à
  // prévoir » led to its item's card, whose name (#item-pertussis_pregnancy-title) told a caregiver
  // who may read the notices, not the record, what the record made due, a secret (V) pregnancy
  // included (found by the attack round). The page then shows her only what she may see.
  if (opened.link.includes("#") && (await actsAsCaregiverIn(scope, opened.patientId, now))) return opened.link.slice(0, opened.link.indexOf("#")) as `/${string}`;
  return opened.link as `/${string}`;
}

/** Whether the person acts in that space under a caregiver's delegation (not as its patient, nor as a guardian). */
async function actsAsCaregiverIn(scope: RequestScope, patientId: string | null, now: Date): Promise<boolean> {
  if (!patientId) return false;
  if (patientId === spaceOf(scope.actor)) return scope.actor.kind === "delegate";
  return (await actorForSession({ ...scope.session, activeSpace: `Patient/${patientId}` }, now))?.kind === "delegate";
}

/** A notice of a space other than those the session's owners cover, opened as that space's when the person reaches it. */
async function openInItsSpace(scope: RequestScope, id: string, now: Date): Promise<{ link: string; patientId: string | null } | undefined> {
  const space = await noticeSpaceReached(scope, id, now);
  return space ? openNotification({ accountId: scope.session.account.id, patientIds: [space] }, id) : undefined;
}
