import { LostAllFactors } from "@/components/account/lost-all-factors";
import { SignInExpired } from "@/components/account/sign-in-expired";
import { Alert } from "@/components/alert";
import { Button } from "@/components/button";
import { PageHeader } from "@/components/page-header";
import { TextField } from "@/components/text-field";
import { t } from "@/lib/i18n/messages";
import { codePageProps, type CodePageData } from "@/server/auth/code-page-props";
import type { FramedProps } from "@/server/pages/framed-page";

/** Served without runtime JavaScript, as the sign-in page is. */
export const config = { unstable_runtimeJS: false };

export const getServerSideProps = codePageProps("recovery");

/**
 * Step 2 with a recovery code instead of the phone's code: the same Credentials callback, told
 * the code is a recovery code. The same per-account cap counts these as codes (a recovery code
 * is not a way around the pause). Afterwards the person is asked to enrol a new second factor.
 * Below, for whoever has lost her codes too: the way back through the assistance.
 */
export default function RecoveryCodePage({ data }: FramedProps<CodePageData>) {
  const lostAll = data?.assistance ? <LostAllFactors contact={data.assistance} /> : null;
  if (!data?.csrfToken) {
    return (
      <div className="flex flex-col gap-6">
        <SignInExpired title={t("signInExtra.recoveryTitle")} />
        {lostAll}
      </div>
    );
  }
  const error = data.error ? t(data.error) : undefined;
  return (
    <div className="flex max-w-md flex-col gap-6">
      <PageHeader title={t("signInExtra.recoveryTitle")} description={t("signInExtra.recoveryIntro")} />
      {error ? <Alert tone="error" takesFocus={false}>{error}</Alert> : null}
      <form method="post" action="/api/auth/callback/credentials" className="flex flex-col gap-5">
        <input type="hidden" name="csrfToken" value={data.csrfToken} />
        <input type="hidden" name="kind" value="recovery" />
        <input type="hidden" name="callbackUrl" value="/connexion/suite?secours=1" />
        <TextField
          name="code"
          label={t("signInExtra.recoveryCode")}
          hint={t("signInExtra.recoveryHint")}
          error={error}
          autoComplete="off"
          spellCheck={false}
          maxLength={16}
          required
          autoFocus
        />
        <div>
          <Button type="submit">{t("signInExtra.recoverySubmit")}</Button>
        </div>
      </form>
      {lostAll}
    </div>
  );
}
