import "@/server/server-only";
import type { RequestScope } from "../documents/request-repository";
import { markAllRead, openNotification } from "../db/notification-store";
import { isUuid } from "../fhir/ids";
import { notificationOwners } from "./notification-owners";

export async function markAllMyNotificationsRead(scope: RequestScope): Promise<void> {
  await markAllRead(await notificationOwners(scope, false));
}

/** Marks one notification read and gives where it leads; undefined for anything not the caller's. */
export async function openMyNotification(scope: RequestScope, id: string): Promise<`/${string}` | undefined> {
  if (!isUuid(id)) return undefined;
  const link = await openNotification(await notificationOwners(scope, false), id.toLowerCase());
  // Links are written by our own code (notify() keeps only local paths); checked again here.
  return link && link.startsWith("/") && !link.startsWith("//") ? (link as `/${string}`) : undefined;
}
