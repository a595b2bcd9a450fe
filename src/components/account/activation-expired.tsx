import { Alert } from "@/components/alert";
import { ButtonLink } from "@/components/button";
import { PageHeader } from "@/components/page-header";
import { t } from "@/lib/i18n/messages";

/** What every activation page shows when this browser has no activation under way. */
export function ActivationExpired() {
  return (
    <div className="flex max-w-md flex-col gap-6">
      <PageHeader title={t("activation.title")} />
      <Alert tone="error">{t("activation.expired")}</Alert>
      <div>
        <ButtonLink href="/activer">{t("activation.restart")}</ButtonLink>
      </div>
    </div>
  );
}
