import { Button } from "@/components/button";
import { NotFoundView } from "@/components/not-found-view";
import { PageHeader } from "@/components/page-header";
import { t } from "@/lib/i18n/messages";
import { oidcPageProps, type OidcPageData } from "@/server/auth/oidc-page-props";
import type { FramedProps } from "@/server/pages/framed-page";

/** Served without runtime JavaScript, as the sign-in page is: one button. */
export const config = { unstable_runtimeJS: false };

export const getServerSideProps = oidcPageProps;

/**
 * Confirms the switch to the OpenID Connect provider; the form posts to next-auth. Back from the
 * provider, the person lands where every sign-in lands (/connexion/suite): a security notice left
 * for her, then the page she opened signed out if any (return-after-sign-in.ts), else home.
 */
export default function OidcSignInPage({ data }: FramedProps<OidcPageData>) {
  if (!data) return <NotFoundView />;
  return (
    <div className="flex max-w-md flex-col gap-6">
      <PageHeader title={t("signIn.oidcButton", { provider: data.name })} description={t("signIn.oidcIntro", { provider: data.name })} />
      <form method="post" action={data.action}>
        <input type="hidden" name="csrfToken" value={data.csrfToken} />
        <input type="hidden" name="callbackUrl" value="/connexion/suite" />
        <Button type="submit">{t("signIn.oidcContinue", { provider: data.name })}</Button>
      </form>
    </div>
  );
}
