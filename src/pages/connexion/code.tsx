import { SignInExpired } from "@/components/account/sign-in-expired";
import { Alert } from "@/components/alert";
import { Button } from "@/components/button";
import { PageHeader } from "@/components/page-header";
import { TextField } from "@/components/text-field";
import { t } from "@/lib/i18n/messages";
import { codePageProps, type CodePageData } from "@/server/auth/code-page-props";
import type { FramedProps } from "@/server/pages/framed-page";

/** Served without runtime JavaScript, as the sign-in page is: on every sign-in's path. */
export const config = { unstable_runtimeJS: false };

export const getServerSideProps = codePageProps("code");

/**
 * Step 2: the TOTP code. A plain HTML form posting to next-auth's Credentials callback, which
 * checks the code against this browser's challenge and opens the session.
 */
export default function SecondFactorPage({ data }: FramedProps<CodePageData>) {
  if (!data?.csrfToken) return <SignInExpired title={t("secondFactor.title")} />;
  const error = data.error ? t(data.error) : undefined;
  return (
    <div className="flex max-w-md flex-col gap-6">
      <PageHeader title={t("secondFactor.title")} description={t("secondFactor.intro")} />
      {error ? <Alert tone="error" takesFocus={false}>{error}</Alert> : null}
      <form method="post" action="/api/auth/callback/credentials" className="flex flex-col gap-5">
        <input type="hidden" name="csrfToken" value={data.csrfToken} />
        <input type="hidden" name="callbackUrl" value="/connexion/suite" />
        <TextField
          name="code"
          label={t("secondFactor.code")}
          hint={t("secondFactor.codeHint")}
          error={error}
          inputMode="numeric"
          autoComplete="one-time-code"
          pattern="[0-9]{6}"
          minLength={6}
          maxLength={6}
          required
          autoFocus
        />
        <div>
          <Button type="submit">{t("secondFactor.submit")}</Button>
        </div>
      </form>
      <p>
        <a href="/connexion/secours" className="underline">
          {t("signInExtra.useRecovery")}
        </a>
      </p>
    </div>
  );
}
