import { NotFoundView } from "@/components/not-found-view";
import { t } from "@/lib/i18n/messages";
import { readerOf } from "@/lib/i18n/voice";
import type { NotificationsPage } from "@/server/notifications/list-notifications";
import type { FramedProps } from "@/server/pages/framed-page";
import { NotificationsView } from "./notifications-view";

/**
 * The notifications page's data: the list, whether the person just marked them all read, and
 * whether the notice just opened was of a space she no longer acts in (mark-read.ts).
 */
export type NotificationsPageData = { list: NotificationsPage; allRead: boolean; spaceLost?: boolean };

/** The notifications page of either space (src/pages/espace/notifications.tsx, src/pages/pro/notifications.tsx). */
export function NotificationsPageView({ frame, data, basePath }: FramedProps<NotificationsPageData> & { basePath: string }) {
  if (!data) return <NotFoundView />;
  // In another person's space, the banner names her (voice.ts): the page speaks of her by that name.
  const notice = data.spaceLost ? { tone: "error" as const, text: t("notifications.spaceLost") } : data.allRead ? { tone: "success" as const, text: t("notifications.allRead") } : undefined;
  return <NotificationsView list={data.list} basePath={basePath} notice={notice} reader={readerOf(frame.banner)} />;
}
