import "@/server/server-only";
import { spaceOf } from "../access/actor";
import { switchSpace } from "../auth/switch-space";
import type { RequestScope } from "../documents/request-repository";
import { markAllRead, openNotification } from "../db/notification-store";
import { isUuid } from "../fhir/ids";
import { notificationOwners } from "./notification-owners";

export async function markAllMyNotificationsRead(scope: RequestScope): Promise<void> {
  await markAllRead(await notificationOwners(scope, false));
}

/**
 * Marks one notification read and gives where it leads; undefined for anything not the caller's.
 * Its page is that of the space it belongs to: a guardian who opens her own « Une délégation
 * prend fin bientôt » from her son's space is taken back to her own space first, or its link
 * (/espace/proches) would show her son's relatives. The move is switchSpace's, which checks the
 * right again; the notices listed are only those of spaces the person reaches
 * (notification-owners.ts). An account's own notice (a sign-in) belongs to no space.
 */
export async function openMyNotification(scope: RequestScope, id: string, now: Date): Promise<`/${string}` | undefined> {
  if (!isUuid(id)) return undefined;
  const opened = await openNotification(await notificationOwners(scope, false), id.toLowerCase());
  // Links are written by our own code (notify() keeps only local paths); checked again here.
  if (!opened || !opened.link.startsWith("/") || opened.link.startsWith("//")) return undefined;
  if (opened.patientId && opened.patientId !== spaceOf(scope.actor) && !(await switchSpace(scope.session, opened.patientId, now))) return "/espace/notifications";
  return opened.link as `/${string}`;
}
