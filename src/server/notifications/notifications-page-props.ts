import "@/server/server-only";
import { t } from "@/lib/i18n/messages";
import type { NotificationsPageData } from "@/components/notifications/notifications-page";
import { framedPage } from "../pages/framed-page";
import { queryPage } from "../pages/query-page";
import { listMyNotifications } from "./list-notifications";

/** The getServerSideProps of either space's notifications page: the person's own, and those of the space they act in when they may see them. */
export function notificationsPageProps(space: "patient" | "practitioner") {
  return framedPage<NotificationsPageData>(space, async (scope, { query }) => ({
    title: t("notifications.title"),
    data: { list: await listMyNotifications(scope, queryPage(query.page)), allRead: query.lues === "1", spaceLost: query.espace === "perdu" },
  }));
}
