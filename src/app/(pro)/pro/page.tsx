import type { Metadata } from "next";
import { PageHeader } from "@/components/page-header";
import { t } from "@/lib/i18n/messages";
import { requireSession } from "@/server/auth/current-session";

export const metadata: Metadata = { title: t("proHome.title") };

export default async function ProHomePage() {
  const session = await requireSession();
  return (
    <div className="flex flex-col gap-8">
      <PageHeader title={t("proHome.greeting", { name: session.account.displayName })} />
    </div>
  );
}
