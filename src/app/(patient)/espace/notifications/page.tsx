import type { Metadata } from "next";
import { NotificationsView } from "@/components/notifications/notifications-view";
import { t } from "@/lib/i18n/messages";
import { requirePageScope } from "@/server/documents/request-repository";
import { listMyNotifications } from "@/server/notifications/list-notifications";

export const metadata: Metadata = { title: t("notifications.title") };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The person's notifications, and those of the space they act in when they may see them. */
export default async function NotificationsPage({ searchParams }: Props) {
  const scope = await requirePageScope();
  const params = await searchParams;
  const page = Number(Array.isArray(params.page) ? params.page[0] : params.page);
  const list = await listMyNotifications(scope, Number.isFinite(page) ? page : 1);
  return <NotificationsView list={list} basePath="/espace/notifications" notice={params.lues === "1" ? t("notifications.allRead") : undefined} />;
}
