import { NotificationsPageView, type NotificationsPageData } from "@/components/notifications/notifications-page";
import { notificationsPageProps } from "@/server/notifications/notifications-page-props";
import type { FramedProps } from "@/server/pages/framed-page";

/** Served without runtime JavaScript, as the documents page is (src/pages/espace/documents/index.tsx says why). */
export const config = { unstable_runtimeJS: false };

/** The person's notifications, and those of the space they act in when they may see them. */
export const getServerSideProps = notificationsPageProps("patient");

export default function NotificationsPage(props: FramedProps<NotificationsPageData>) {
  return <NotificationsPageView {...props} basePath="/espace/notifications" />;
}
