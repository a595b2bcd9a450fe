import type { Metadata } from "next";
import { Alert } from "@/components/alert";
import { Button, ButtonLink } from "@/components/button";
import { PageHeader } from "@/components/page-header";
import { TextField } from "@/components/text-field";
import { t } from "@/lib/i18n/messages";
import { pendingSignIn } from "@/server/auth/pending-sign-in";

export const metadata: Metadata = { title: t("signInExtra.recoveryTitle") };

/**
 * Step 2 with a recovery code instead of the phone's code: the same Credentials callback, told
 * the code is a recovery code. The same per-account cap counts these as codes (a recovery code
 * is not a way around the pause). Afterwards the person is asked to enrol a new second factor.
 */
export default async function RecoveryCodePage({ searchParams }: { searchParams: Promise<{ erreur?: string | string[] }> }) {
  const pending = await pendingSignIn(new Date());
  if (!pending) {
    return (
      <div className="flex max-w-md flex-col gap-6">
        <PageHeader title={t("signInExtra.recoveryTitle")} />
        <Alert tone="error">{t("secondFactor.expired")}</Alert>
        <div>
          <ButtonLink href="/connexion">{t("secondFactor.restart")}</ButtonLink>
        </div>
      </div>
    );
  }
  const { erreur } = await searchParams;
  const error = erreur === "pause" ? t("signInExtra.paused") : erreur ? t("signInExtra.recoveryFailed") : undefined;
  return (
    <div className="flex max-w-md flex-col gap-6">
      <PageHeader title={t("signInExtra.recoveryTitle")} description={t("signInExtra.recoveryIntro")} />
      {error ? <Alert tone="error">{error}</Alert> : null}
      <form method="post" action="/api/auth/callback/credentials" className="flex flex-col gap-5">
        <input type="hidden" name="csrfToken" value={pending.csrfToken} />
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
    </div>
  );
}
