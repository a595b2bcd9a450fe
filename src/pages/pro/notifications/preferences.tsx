import { NotFoundView } from "@/components/not-found-view";
import { PreferencesForm } from "@/components/notifications/preferences-form";
import { preferencesPageProps, type PreferencesPageData } from "@/server/notifications/preferences-page-props";
import type { FramedProps } from "@/server/pages/framed-page";

/** Served without runtime JavaScript, as the documents page is (src/pages/espace/documents/index.tsx says why). */
export const config = { unstable_runtimeJS: false };

/** Per kind: in the portal only, or by e-mail too. The account's own choices. */
export const getServerSideProps = preferencesPageProps("practitioner");

export default function NotificationPreferencesPage({ data }: FramedProps<PreferencesPageData>) {
  return data ? <PreferencesForm lines={data.lines} backHref="/pro/notifications" saved={data.saved} /> : <NotFoundView />;
}
