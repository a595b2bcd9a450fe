import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { Alert } from "@/components/alert";
import { Button } from "@/components/button";
import { PageHeader } from "@/components/page-header";
import { t } from "@/lib/i18n/messages";
import { getCurrentSession } from "@/server/auth/current-session";
import { oidcProviderName } from "@/server/auth/oidc";
import { env } from "@/server/env";
import { startOidcAction } from "./oidc/start-oidc-action";
import { SignInForm } from "./sign-in-form";

export const metadata: Metadata = { title: t("signIn.title") };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ error?: string | string[] }> }) {
  if (await getCurrentSession()) redirect("/");
  const { error } = await searchParams;
  const oidcName = oidcProviderName(env());
  return (
    <div className="flex max-w-md flex-col gap-6">
      <PageHeader title={t("signIn.title")} description={t("signIn.intro")} />
      {/* next-auth sends errors of its own flows here (?error=…); their detail stays unsaid. */}
      {error ? <Alert tone="error">{t("signInError.body")}</Alert> : null}
      <SignInForm />
      {oidcName ? (
        <section aria-labelledby="oidc-title" className="flex flex-col gap-3 border-t border-slate-300 pt-6">
          <h2 id="oidc-title" className="text-lg font-semibold">
            {t("signIn.oidcTitle")}
          </h2>
          <form action={startOidcAction}>
            <Button type="submit" variant="secondary">
              {t("signIn.oidcButton", { provider: oidcName })}
            </Button>
          </form>
        </section>
      ) : null}
    </div>
  );
}
