import type { Metadata } from "next";
import { Alert } from "@/components/alert";
import { Button, ButtonLink } from "@/components/button";
import { PageHeader } from "@/components/page-header";
import { TextField } from "@/components/text-field";
import { t } from "@/lib/i18n/messages";
import { pendingSignIn } from "@/server/auth/pending-sign-in";

export const metadata: Metadata = { title: t("secondFactor.title") };

/**
 * Step 2: the TOTP code. A plain HTML form posting to next-auth's Credentials callback, which
 * checks the code against this browser's challenge and opens the session.
 */
export default async function SecondFactorPage({ searchParams }: { searchParams: Promise<{ erreur?: string | string[] }> }) {
  const pending = await pendingSignIn(new Date());
  if (!pending) {
    return (
      <div className="flex max-w-md flex-col gap-6">
        <PageHeader title={t("secondFactor.title")} />
        <Alert tone="error">{t("secondFactor.expired")}</Alert>
        <div>
          <ButtonLink href="/connexion">{t("secondFactor.restart")}</ButtonLink>
        </div>
      </div>
    );
  }
  const { erreur } = await searchParams;
  const error = erreur === "pause" ? t("signInExtra.paused") : erreur ? t("secondFactor.failed") : undefined;
  return (
    <div className="flex max-w-md flex-col gap-6">
      <PageHeader title={t("secondFactor.title")} description={t("secondFactor.intro")} />
      {error ? <Alert tone="error">{error}</Alert> : null}
      <form method="post" action="/api/auth/callback/credentials" className="flex flex-col gap-5">
        <input type="hidden" name="csrfToken" value={pending.csrfToken} />
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
