import { ButtonLink } from "@/components/button";
import { PageHeader } from "@/components/page-header";
import { t } from "@/lib/i18n/messages";

export default function NotFound() {
  return (
    <div className="flex max-w-prose flex-col gap-6">
      <PageHeader title={t("errors.notFoundTitle")} description={t("errors.notFoundBody")} />
      <div>
        <ButtonLink href="/" variant="secondary">
          {t("errors.backHome")}
        </ButtonLink>
      </div>
    </div>
  );
}
