import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { Alert } from "@/components/alert";
import { Button } from "@/components/button";
import { PageHeader } from "@/components/page-header";
import { TextField } from "@/components/text-field";
import { PasskeySignInButton } from "@/components/account/passkey-sign-in-button";
import { t } from "@/lib/i18n/messages";
import { getCurrentSession } from "@/server/auth/current-session";
import { oidcProviderName } from "@/server/auth/oidc";
import { env } from "@/server/env";

export const metadata: Metadata = { title: t("signIn.title") };

type SearchParams = Promise<{ erreur?: string | string[]; error?: string | string[] }>;

/**
 * Step 1 of sign-in: a plain form posted to /connexion/mot-de-passe, which works before the
 * page's JavaScript has loaded (slow lines) and without it.
 */
export default async function SignInPage({ searchParams }: { searchParams: SearchParams }) {
  if (await getCurrentSession()) redirect("/");
  const { erreur, error } = await searchParams;
  const done = erreur === "reinitialise" ? t("reset.done") : erreur === "adresse-confirmee" ? t("account.emailConfirmed") : undefined;
  const message =
    erreur === "identifiants"
      ? t("signIn.failed")
      : erreur === "adresse-refusee"
        ? t("account.emailRefused")
        : erreur === "saisie"
        ? t("signIn.invalidInput")
        : // next-auth sends errors of its own flows here (?error=…); their detail stays unsaid.
          error
          ? t("signInError.body")
          : undefined;
  const oidcName = oidcProviderName(env());
  return (
    <div className="flex max-w-md flex-col gap-6">
      <PageHeader title={t("signIn.title")} description={t("signIn.intro")} />
      {done ? <Alert tone="success">{done}</Alert> : message ? <Alert tone="error">{message}</Alert> : null}
      <form method="post" action="/connexion/mot-de-passe" className="flex flex-col gap-5" noValidate>
        <TextField
          name="email"
          type="email"
          label={t("signIn.email")}
          hint={t("signIn.emailHint")}
          autoComplete="username"
          inputMode="email"
          spellCheck={false}
          required
          maxLength={254}
          autoFocus={message !== undefined}
        />
        <TextField name="password" type="password" label={t("signIn.password")} autoComplete="current-password" required maxLength={256} />
        <div>
          <Button type="submit">{t("signIn.submit")}</Button>
        </div>
      </form>
      <p>
        <a href="/connexion/oubli" className="underline">
          {t("reset.link")}
        </a>
      </p>
      <PasskeySignInButton label={t("signInExtra.passkeySignIn")} failed={t("signInExtra.passkeyFailed")} />
      {oidcName ? (
        <section aria-labelledby="oidc-title" className="flex flex-col gap-3 border-t border-slate-300 pt-6">
          <h2 id="oidc-title" className="text-lg font-semibold">
            {t("signIn.oidcTitle")}
          </h2>
          <form method="post" action="/connexion/oidc/demarrer">
            <Button type="submit" variant="secondary">
              {t("signIn.oidcButton", { provider: oidcName })}
            </Button>
          </form>
        </section>
      ) : null}
    </div>
  );
}
