import { Alert } from "@/components/alert";
import { ButtonLink } from "@/components/button";
import { PageHeader } from "@/components/page-header";
import { t } from "@/lib/i18n/messages";

/** A code page opened with no sign-in waiting in this browser (expired, or never started): back to the first step. */
export function SignInExpired({ title }: { title: string }) {
  return (
    <div className="flex max-w-md flex-col gap-6">
      <PageHeader title={title} />
      <Alert tone="error">{t("secondFactor.expired")}</Alert>
      <div>
        <ButtonLink href="/connexion">{t("secondFactor.restart")}</ButtonLink>
      </div>
    </div>
  );
}
