import { Button } from "@/components/button";
import { TextField } from "@/components/text-field";
import { t } from "@/lib/i18n/messages";
import type { AccountFieldErrors } from "./security-forms";

/**
 * « Identité numérique », shown when an identity provider is configured: links the person's
 * identity to the account, after the current factor (a linked identity signs in). A plain form:
 * the route checks the code, then sends the browser to the provider (src/app/compte/oidc/lier).
 */
export function OidcSection({ provider, errors }: { provider: string; errors: AccountFieldErrors }) {
  return (
    <section id="oidc" aria-labelledby="oidc-title" className="flex flex-col gap-3">
      <h2 id="oidc-title" className="text-xl font-semibold">
        {t("account.oidcTitle")}
      </h2>
      <p>{t("account.oidcIntro", { provider })}</p>
      <form method="post" action="/compte/oidc/lier" className="flex max-w-md flex-col gap-4">
        <TextField name="code" id="oidc-code" label={t("account.secondFactorCode")} hint={t("account.factorCodeHint")} autoComplete="one-time-code" error={errors.oidcCode} maxLength={16} />
        <div>
          <Button type="submit" variant="secondary">
            {t("account.oidcSubmit", { provider })}
          </Button>
        </div>
      </form>
    </section>
  );
}
