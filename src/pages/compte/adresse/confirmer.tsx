import { Button } from "@/components/button";
import { NotFoundView } from "@/components/not-found-view";
import { PageHeader } from "@/components/page-header";
import { t } from "@/lib/i18n/messages";
import { confirmEmailPageProps, type ConfirmEmailPageData } from "@/server/accounts/confirm-email-page-props";
import type { FramedProps } from "@/server/pages/framed-page";

/** Served without runtime JavaScript, as the sign-in page is: one button, opened from an e-mail. */
export const config = { unstable_runtimeJS: false };

export const getServerSideProps = confirmEmailPageProps;

/**
 * The link sent to the new address opens this page; a button posts the confirmation (nothing
 * changes on a GET, so a mail scanner that follows links confirms nothing).
 */
export default function ConfirmEmailPage({ data }: FramedProps<ConfirmEmailPageData>) {
  if (!data) return <NotFoundView />;
  return (
    <div className="flex max-w-md flex-col gap-6">
      <PageHeader title={t("account.emailConfirmTitle")} description={t("account.emailConfirmIntro")} />
      <form method="post" action="/compte/adresse/confirmer/envoyer">
        <input type="hidden" name="token" value={data.token} />
        <Button type="submit">{t("account.emailConfirmSubmit")}</Button>
      </form>
    </div>
  );
}
