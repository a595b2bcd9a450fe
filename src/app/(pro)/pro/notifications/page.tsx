import type { Metadata } from "next";
import { NotificationsView } from "@/components/notifications/notifications-view";
import { t } from "@/lib/i18n/messages";
import { requirePageScope } from "@/server/documents/request-repository";
import { listMyNotifications } from "@/server/notifications/list-notifications";

export const metadata: Metadata = { title: t("notifications.title") };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** A professional's own notifications (new messages). */
export default async function ProNotificationsPage({ searchParams }: Props) {
  const scope = await requirePageScope();
  const params = await searchParams;
  const page = Number(Array.isArray(params.page) ? params.page[0] : params.page);
  const list = await listMyNotifications(scope, Number.isFinite(page) ? page : 1);
  return <NotificationsView list={list} basePath="/pro/notifications" notice={params.lues === "1" ? t("notifications.allRead") : undefined} />;
}
