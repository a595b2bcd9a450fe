import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { Button } from "@/components/button";
import { PageHeader } from "@/components/page-header";
import { RecoveryCodeList } from "@/components/account/recovery-code-list";
import { t } from "@/lib/i18n/messages";
import { currentActivation } from "@/server/accounts/activation-session";
import { regenerateRecoveryCodes, remainingRecoveryCodes } from "@/server/db/recovery-code-store";
import { countPasskeys } from "@/server/db/passkey-store";
import { ActivationExpired } from "../activation-expired";

export const metadata: Metadata = { title: t("activation.recoveryTitle") };

/**
 * Activation: the ten recovery codes, made the first time this page is shown and never shown
 * again (only their hashes are kept). A reload shows none: the button still finishes.
 */
export default async function RecoveryCodesPage() {
  const now = new Date();
  const activation = await currentActivation(now);
  if (!activation) return <ActivationExpired />;
  const { account } = activation;
  if (!account.hasTotp && (await countPasskeys(account.id)) === 0) redirect("/activer/second-facteur");
  const codes = (await remainingRecoveryCodes(account.id)) === 0 ? await regenerateRecoveryCodes(account.id, now) : [];
  return (
    <div className="flex max-w-xl flex-col gap-6">
      <PageHeader title={t("activation.recoveryTitle")} description={t("activation.recoveryIntro")} />
      {codes.length > 0 ? <RecoveryCodeList codes={codes} /> : null}
      <form method="post" action="/activer/etape/terminer">
        <Button type="submit">{t("activation.recoveryDone")}</Button>
      </form>
    </div>
  );
}
