import type { Metadata } from "next";
import { AccountOverview, type AccountSearch } from "@/components/account/account-overview";
import { t } from "@/lib/i18n/messages";
import { requireSession } from "@/server/auth/current-session";

export const metadata: Metadata = { title: t("account.title") };

/** "Mon compte" of a patient: about the account itself, whichever space the person acts in. */
export default async function PatientAccountPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const session = await requireSession();
  return <AccountOverview session={session} search={onlyStrings(await searchParams)} />;
}

function onlyStrings(params: Record<string, string | string[] | undefined>): AccountSearch {
  const one = (key: keyof AccountSearch) => (typeof params[key] === "string" ? params[key] : undefined);
  return { ok: one("ok"), erreur: one("erreur"), codes: one("codes"), totp: one("totp"), secours: one("secours") };
}
