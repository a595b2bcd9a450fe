import type { Metadata } from "next";
import { Button } from "@/components/button";
import { PageHeader } from "@/components/page-header";
import { t } from "@/lib/i18n/messages";

export const metadata: Metadata = { title: t("account.emailConfirmTitle") };

/**
 * The link sent to the new address opens this page; a button posts the confirmation (nothing
 * changes on a GET, so a mail scanner that follows links confirms nothing).
 */
export default async function ConfirmEmailPage({ searchParams }: { searchParams: Promise<{ jeton?: string | string[] }> }) {
  const { jeton } = await searchParams;
  const token = typeof jeton === "string" ? jeton.slice(0, 64) : "";
  return (
    <div className="flex max-w-md flex-col gap-6">
      <PageHeader title={t("account.emailConfirmTitle")} description={t("account.emailConfirmIntro")} />
      <form method="post" action="/compte/adresse/confirmer/envoyer">
        <input type="hidden" name="token" value={token} />
        <Button type="submit">{t("account.emailConfirmSubmit")}</Button>
      </form>
    </div>
  );
}
