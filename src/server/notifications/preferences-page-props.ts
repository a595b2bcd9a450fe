import "@/server/server-only";
import { t } from "@/lib/i18n/messages";
import { framedPage } from "../pages/framed-page";
import { myPreferences, type PreferenceLine } from "./preferences";

export type PreferencesPageData = { lines: PreferenceLine[]; saved: boolean };

/** The getServerSideProps of the notification choices' page, in either space: the account's own choices, per kind. */
export function preferencesPageProps(space: "patient" | "practitioner") {
  return framedPage<PreferencesPageData>(space, async ({ session }, { query }) => ({
    title: t("notificationPreferences.title"),
    data: { lines: await myPreferences(session.account), saved: query.enregistre === "1" },
  }));
}
