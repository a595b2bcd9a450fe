import type { Metadata } from "next";
import { Alert } from "@/components/alert";
import { Button } from "@/components/button";
import { PageHeader } from "@/components/page-header";
import { TextField } from "@/components/text-field";
import { t } from "@/lib/i18n/messages";
import { currentActivation } from "@/server/accounts/activation-session";
import { ActivationExpired } from "../activation-expired";

export const metadata: Metadata = { title: t("activation.passwordTitle") };

const ERRORS = {
  faible: () => t("activation.passwordWeak", { hint: t("activation.passwordWeakDefault") }),
  different: () => t("activation.passwordMismatch"),
  longueur: () => t("activation.passwordLength"),
} as const;

export default async function ChoosePasswordPage({ searchParams }: { searchParams: Promise<{ erreur?: string | string[] }> }) {
  const activation = await currentActivation(new Date());
  if (!activation) return <ActivationExpired />;
  const { erreur } = await searchParams;
  const error = typeof erreur === "string" && erreur in ERRORS ? ERRORS[erreur as keyof typeof ERRORS]() : undefined;
  return (
    <div className="flex max-w-md flex-col gap-6">
      <PageHeader title={t("activation.passwordTitle")} description={t("activation.passwordIntro")} />
      {error ? <Alert tone="error">{error}</Alert> : null}
      <form method="post" action="/activer/etape/mot-de-passe" className="flex flex-col gap-5">
        {/* Lets password managers file the new password under the right account. */}
        <input type="hidden" name="username" autoComplete="username" value={activation.account.email} />
        <TextField name="password" type="password" label={t("activation.password")} autoComplete="new-password" minLength={12} maxLength={256} required error={error} />
        <TextField name="confirm" type="password" label={t("activation.passwordConfirm")} autoComplete="new-password" minLength={12} maxLength={256} required />
        <div>
          <Button type="submit">{t("activation.passwordSubmit")}</Button>
        </div>
      </form>
    </div>
  );
}
