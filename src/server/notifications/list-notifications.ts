import "@/server/server-only";
import type { RequestScope } from "../documents/request-repository";
import { countUnread, listNotifications, type NotificationRow } from "../db/notification-store";
import { notificationOwners } from "./notification-owners";

export const NOTIFICATIONS_PER_PAGE = 30;

export type NotificationsPage = {
  rows: NotificationRow[];
  unread: number;
  page: number;
  pageCount: number;
  ownPatientIds: string[];
  /** In another person's space: whether her notices are listed beside the reader's own (notification-owners.ts). */
  spaceShown: boolean;
};

/** The person's notifications, newest first, a page at a time. */
export async function listMyNotifications(scope: RequestScope, requestedPage: number): Promise<NotificationsPage> {
  const owners = await notificationOwners(scope, true);
  const page = Number.isInteger(requestedPage) && requestedPage >= 1 ? Math.min(requestedPage, 1000) : 1;
  const [{ rows, total }, unread] = await Promise.all([listNotifications(owners, NOTIFICATIONS_PER_PAGE, (page - 1) * NOTIFICATIONS_PER_PAGE), countUnread(owners)]);
  const ownPatientIds = owners.patientIds.slice(0, 1);
  return { rows, unread, page, pageCount: Math.max(1, Math.ceil(total / NOTIFICATIONS_PER_PAGE)), ownPatientIds, spaceShown: owners.patientIds.length > ownPatientIds.length };
}
