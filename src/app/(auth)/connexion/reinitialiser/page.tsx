import type { Metadata } from "next";
import { Alert } from "@/components/alert";
import { Button } from "@/components/button";
import { PageHeader } from "@/components/page-header";
import { TextField } from "@/components/text-field";
import { t } from "@/lib/i18n/messages";

export const metadata: Metadata = { title: t("reset.newTitle") };

const ERRORS = { lien: "reset.badLink", facteur: "reset.badFactor", faible: "activation.passwordWeakDefault" } as const;

/** The reset link's page: a new password and the second factor (or a recovery code). */
export default async function ResetPasswordPage({ searchParams }: { searchParams: Promise<{ jeton?: string | string[]; erreur?: string | string[] }> }) {
  const { jeton, erreur } = await searchParams;
  const token = typeof jeton === "string" && /^[A-Za-z0-9_-]{43}$/.test(jeton) ? jeton : undefined;
  const error = typeof erreur === "string" && erreur in ERRORS ? t(ERRORS[erreur as keyof typeof ERRORS]) : token ? undefined : t("reset.badLink");
  return (
    <div className="flex max-w-md flex-col gap-6">
      <PageHeader title={t("reset.newTitle")} description={t("activation.passwordIntro")} />
      {error ? <Alert tone="error">{error}</Alert> : null}
      {token ? (
        <form method="post" action="/connexion/oubli/changer" className="flex flex-col gap-5">
          <input type="hidden" name="token" value={token} />
          <TextField name="newPassword" type="password" label={t("account.newPassword")} autoComplete="new-password" minLength={12} maxLength={256} required />
          <TextField name="code" label={t("account.secondFactorCode")} autoComplete="one-time-code" maxLength={16} required />
          <div>
            <Button type="submit">{t("reset.submit")}</Button>
          </div>
        </form>
      ) : null}
    </div>
  );
}
