import type { Metadata } from "next";
import { cookies } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { Button } from "@/components/button";
import { PageHeader } from "@/components/page-header";
import { t } from "@/lib/i18n/messages";
import { currentAuthCookies } from "@/server/auth/current-session";
import { csrfTokenFromCookie } from "@/server/auth/csrf-token";
import { OIDC_PROVIDER_ID, oidcProviderName } from "@/server/auth/oidc";
import { env } from "@/server/env";
import { secrets } from "@/server/secrets";

export const metadata: Metadata = { title: t("signIn.title") };

/** Confirms the switch to the OpenID Connect provider; the form posts to next-auth. */
export default async function OidcSignInPage() {
  const name = oidcProviderName(env());
  if (!name) notFound();
  const csrfToken = csrfTokenFromCookie((await cookies()).get(currentAuthCookies().csrfToken.name)?.value, secrets().authSecret);
  if (!csrfToken) redirect("/connexion");
  return (
    <div className="flex max-w-md flex-col gap-6">
      <PageHeader title={t("signIn.oidcButton", { provider: name })} description={t("signIn.oidcIntro", { provider: name })} />
      <form method="post" action={`/api/auth/signin/${OIDC_PROVIDER_ID}`}>
        <input type="hidden" name="csrfToken" value={csrfToken} />
        <input type="hidden" name="callbackUrl" value="/" />
        <Button type="submit">{t("signIn.oidcContinue", { provider: name })}</Button>
      </form>
    </div>
  );
}
