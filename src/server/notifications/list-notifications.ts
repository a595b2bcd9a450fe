import "@/server/server-only";
import type { RequestScope } from "../documents/request-repository";
import { countUnread, listNotifications, type NotificationRow } from "../db/notification-store";
import { lostNoticeSpaces } from "./lost-notice-spaces";
import { notificationOwners } from "./notification-owners";
import { unreadInOtherSpaces, type UnreadElsewhere } from "./unread-in-spaces";

export const NOTIFICATIONS_PER_PAGE = 30;

export type NotificationsPage = {
  rows: NotificationRow[];
  unread: number;
  page: number;
  pageCount: number;
  ownPatientIds: string[];
  /** In another person's space: whether her notices are listed beside the reader's own (notification-owners.ts). */
  spaceShown: boolean;
  /** The other spaces the person acts in and may read the notices of, with unread ones (unread-in-spaces.ts); first page only. */
  elsewhere: UnreadElsewhere[];
};

/** The person's notifications, newest first, a page at a time. */
export async function listMyNotifications(scope: RequestScope, requestedPage: number): Promise<NotificationsPage> {
  // A caregiver's notices about a space where she no longer acts are neither listed nor counted.
  const owners = { ...(await notificationOwners(scope, true)), lostSpaces: await lostNoticeSpaces(scope.session, scope.repo.now()) };
  const page = Number.isInteger(requestedPage) && requestedPage >= 1 ? Math.min(requestedPage, 1000) : 1;
  const [{ rows, total }, unread, elsewhere] = await Promise.all([
    listNotifications(owners, NOTIFICATIONS_PER_PAGE, (page - 1) * NOTIFICATIONS_PER_PAGE),
    countUnread(owners),
    page === 1 ? unreadInOtherSpaces(scope, owners.patientIds) : [],
  ]);
  const ownPatientIds = owners.patientIds.slice(0, 1);
  return { rows, unread, page, pageCount: Math.max(1, Math.ceil(total / NOTIFICATIONS_PER_PAGE)), ownPatientIds, spaceShown: owners.patientIds.length > ownPatientIds.length, elsewhere };
}
