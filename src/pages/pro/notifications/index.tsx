import { NotificationsPageView, type NotificationsPageData } from "@/components/notifications/notifications-page";
import { notificationsPageProps } from "@/server/notifications/notifications-page-props";
import type { FramedProps } from "@/server/pages/framed-page";

/** Served without runtime JavaScript, as the documents page is (src/pages/espace/documents/index.tsx says why). */
export const config = { unstable_runtimeJS: false };

/** A professional's own notifications (new messages). */
export const getServerSideProps = notificationsPageProps("practitioner");

export default function NotificationsPage(props: FramedProps<NotificationsPageData>) {
  return <NotificationsPageView {...props} basePath="/pro/notifications" />;
}
