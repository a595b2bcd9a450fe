import { ButtonLink } from "@/components/button";
import { PageHeader } from "@/components/page-header";
import { t } from "@/lib/i18n/messages";

/** A page that only says something, with the way home: « Page introuvable », « Trop de demandes »… */
export function PlainMessageView({ title, description }: { title: string; description: string }) {
  return (
    <div className="flex max-w-prose flex-col gap-6">
      <PageHeader title={title} description={description} />
      <div>
        <ButtonLink href="/" variant="secondary">
          {t("errors.backHome")}
        </ButtonLink>
      </div>
    </div>
  );
}

/** « Page introuvable », in both routers (src/app/not-found.tsx, and a Pages Router page that finds nothing it may show). */
export function NotFoundView() {
  return <PlainMessageView title={t("errors.notFoundTitle")} description={t("errors.notFoundBody")} />;
}
