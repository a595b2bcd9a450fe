import { Alert } from "@/components/alert";
import { ButtonLink } from "@/components/button";
import { PageHeader } from "@/components/page-header";
import { t } from "@/lib/i18n/messages";

/**
 * What every activation page shows when this browser has no activation under way: it expired,
 * or, with a session open here (`signedIn`: Back after the activation ended), nothing is left
 * to do and no new code is needed.
 */
export function ActivationExpired({ signedIn }: { signedIn: boolean }) {
  return (
    <div className="flex max-w-md flex-col gap-6">
      <PageHeader title={t("activation.title")} />
      {signedIn ? <Alert tone="info">{t("activation.noneSignedIn")}</Alert> : <Alert tone="error">{t("activation.expired")}</Alert>}
      <div>
        {signedIn ? <ButtonLink href="/">{t("activation.recoveryContinue")}</ButtonLink> : <ButtonLink href="/activer">{t("activation.restart")}</ButtonLink>}
      </div>
    </div>
  );
}
