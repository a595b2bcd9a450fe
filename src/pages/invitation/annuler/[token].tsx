import { Alert } from "@/components/alert";
import { Button } from "@/components/button";
import { NotFoundView } from "@/components/not-found-view";
import { PageHeader } from "@/components/page-header";
import { t } from "@/lib/i18n/messages";
import { cancelPageProps, type CancelPageData } from "@/server/delegations/invitation-pages-props";
import type { FramedProps } from "@/server/pages/framed-page";

/** Served without runtime JavaScript: one button, opened from an e-mail. The address holds a secret: no referrer (security-headers.ts). */
export const config = { unstable_runtimeJS: false };

export const getServerSideProps = cancelPageProps;

/**
 * The one-click cancel from the patient's e-mail, without signing in. GET only shows the button
 * (mail scanners fetch links); the POST cancels.
 */
export default function CancelPage({ title, data }: FramedProps<CancelPageData>) {
  if (!data) return <NotFoundView />;
  return (
    <div className="flex max-w-xl flex-col gap-6">
      <PageHeader title={title} />
      {data.valid ? (
        <form method="post" action="/api/invitation/annuler" className="flex flex-col gap-4">
          <input type="hidden" name="jeton" value={data.token} />
          <p>
            {t(data.accepted ? "cancelInvitationPage.accepted" : "cancelInvitationPage.notAccepted")}
          </p>
          <div><Button type="submit">{t("cancelInvitationPage.submit")}</Button></div>
        </form>
      ) : (
        <Alert tone="error">
          <p>{t("cancelInvitationPage.invalid")}</p>
          <p className="mt-2">{t("cancelInvitationPage.invalidWhatToDo")}</p>
        </Alert>
      )}
    </div>
  );
}
