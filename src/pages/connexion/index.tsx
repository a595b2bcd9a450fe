import { PasskeyButton } from "@/components/account/passkey-button";
import { ResetKeptNotice } from "@/components/account/reset-kept-notice";
import { Alert } from "@/components/alert";
import { Button } from "@/components/button";
import { PageHeader } from "@/components/page-header";
import { TextField } from "@/components/text-field";
import { t } from "@/lib/i18n/messages";
import { signInPageProps, type SignInPageData } from "@/server/auth/sign-in-page-props";
import type { FramedProps } from "@/server/pages/framed-page";

/**
 * Served without runtime JavaScript, as the documents page is (src/pages/espace/documents/index.tsx
 * says why): the page every person opens first, on whatever phone and line they have. Signing in
 * with a passkey is an inline script with SimpleWebAuthn's browser file (passkey-button.tsx).
 */
export const config = { unstable_runtimeJS: false };

export const getServerSideProps = signInPageProps;

/**
 * Step 1 of sign-in: a plain form posted to /connexion/mot-de-passe, which works before any
 * script has loaded (slow lines) and without scripts.
 */
export default function SignInPage({ frame, data }: FramedProps<SignInPageData>) {
  if (!data) return null;
  const { done, message, kept, email, oidcName, passkeyLibrary } = data;
  return (
    <div className="flex max-w-md flex-col gap-6">
      <PageHeader title={t("signIn.title")} description={t("signIn.intro")} />
      {done ? (
        <Alert tone="success">
          <p>{t(done)}</p>
          {kept ? <ResetKeptNotice kept={kept} /> : null}
        </Alert>
      ) : message ? <Alert tone="error">{t(message)}</Alert> : null}
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
          defaultValue={email}
          autoFocus={message !== null}
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
      <PasskeyButton
        mode="authenticate"
        optionsUrl="/connexion/cle/options"
        verifyUrl="/connexion/cle/verifier"
        next="/connexion/suite"
        label={t("signInExtra.passkeySignIn")}
        failed={t("signInExtra.passkeyFailed")}
        closed={t("closeSpace.signInClosed")}
        nonce={frame.nonce}
        library={passkeyLibrary}
      />
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
