import { Alert } from "@/components/alert";
import { Button } from "@/components/button";
import { NotFoundView } from "@/components/not-found-view";
import { PageHeader } from "@/components/page-header";
import { inviterNames } from "@/lib/delegations/inviter-names";
import { t } from "@/lib/i18n/messages";
import { releaseOpeningPageProps, type ReleaseOpeningPageData } from "@/server/delegations/invitation-pages-props";
import type { FramedProps } from "@/server/pages/framed-page";

/** Served without runtime JavaScript: one button, opened from an e-mail. The address holds a secret: no referrer (security-headers.ts). */
export const config = { unstable_runtimeJS: false };

export const getServerSideProps = releaseOpeningPageProps;

/**
 * The invitee lets go of an account opening someone else began at their address
 * (release-account-opening.ts). GET only shows the button (mail scanners fetch links); the POST releases.
 */
export default function ReleaseOpeningPage({ title, data }: FramedProps<ReleaseOpeningPageData>) {
  if (!data) return <NotFoundView />;
  return (
    <div className="flex max-w-xl flex-col gap-6">
      <PageHeader title={title} />
      {data.valid ? (
        <form method="post" action="/api/invitation/annuler-ouverture" className="flex flex-col gap-4">
          <input type="hidden" name="jeton" value={data.token} />
          {data.inviters.length > 0 ? (
            <>
              <p>{t("releaseOpeningPage.explainFrom", { inviter: inviterNames(data.inviters) })}</p>
              <p>{t("releaseOpeningPage.ifYours")}</p>
              <p>{t("releaseOpeningPage.ifNotYours", { inviter: inviterNames(data.inviters) })}</p>
            </>
          ) : (
            <>
              <p>{t("releaseOpeningPage.explain")}</p>
              <p>{t("releaseOpeningPage.after")}</p>
            </>
          )}
          <div><Button type="submit">{t("releaseOpeningPage.submit")}</Button></div>
        </form>
      ) : (
        <Alert tone="error">{t("releaseOpeningPage.invalid")}</Alert>
      )}
    </div>
  );
}
