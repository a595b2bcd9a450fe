import type { Metadata } from "next";
import { PreferencesForm } from "@/components/notifications/preferences-form";
import { t } from "@/lib/i18n/messages";
import { requireSession } from "@/server/auth/current-session";
import { myPreferences } from "@/server/notifications/preferences";

export const metadata: Metadata = { title: t("notificationPreferences.title") };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** Per kind: in the portal only, or by e-mail too. The account's own choices. */
export default async function NotificationPreferencesPage({ searchParams }: Props) {
  const session = await requireSession();
  const lines = await myPreferences(session.account.id);
  return <PreferencesForm lines={lines} backHref="/espace/notifications" saved={(await searchParams).enregistre === "1"} />;
}
