import { NotFoundView } from "@/components/not-found-view";
import { NotificationsView } from "@/components/notifications/notifications-view";
import { t } from "@/lib/i18n/messages";
import { listMyNotifications, type NotificationsPage } from "@/server/notifications/list-notifications";
import { framedPage, type FramedProps } from "@/server/pages/framed-page";
import { queryPage } from "@/server/pages/query-page";

/** Served without runtime JavaScript, as the documents page is (src/pages/espace/documents/index.tsx says why). */
export const config = { unstable_runtimeJS: false };

type Data = { list: NotificationsPage; allRead: boolean };

/** The person's notifications, and those of the space they act in when they may see them. */
export const getServerSideProps = framedPage<Data>("patient", async (scope, { query }) => ({
  title: t("notifications.title"),
  data: { list: await listMyNotifications(scope, queryPage(query.page)), allRead: query.lues === "1" },
}));

export default function NotificationsPageOf({ data }: FramedProps<Data>) {
  if (!data) return <NotFoundView />;
  return <NotificationsView list={data.list} basePath="/espace/notifications" notice={data.allRead ? t("notifications.allRead") : undefined} />;
}
