import { ButtonLink } from "@/components/button";
import { PageHeader } from "@/components/page-header";
import { t } from "@/lib/i18n/messages";

/** "Page introuvable", in both routers (src/app/not-found.tsx, and a Pages Router page that finds nothing it may show). */
export function NotFoundView() {
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
