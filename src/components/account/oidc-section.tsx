import { Button } from "@/components/button";
import { TextField } from "@/components/text-field";
import { formatDay } from "@/lib/documents/format";
import { t } from "@/lib/i18n/messages";
import type { LinkedIdentity } from "@/server/accounts/linked-identities";
import type { Json } from "@/server/pages/json-props";
import type { AccountFieldErrors } from "./security-forms";

/**
 * « Identité numérique »: the identities linked to the account, each with « Délier », and, when
 * an identity provider is configured, the form that links one. Both ask the current factor (a
 * linked identity signs in). Shown when either has something to show: an identity linked earlier
 * is listed even with no provider configured now, since it would sign in again once its
 * provider comes back. Plain forms: the routes check the code (src/app/compte/oidc).
 */
export function OidcSection({ provider, identities, errors }: { provider: string | null; identities: Json<LinkedIdentity[]>; errors: AccountFieldErrors }) {
  return (
    <section id="oidc" aria-labelledby="oidc-title" className="flex flex-col gap-3">
      <h2 id="oidc-title" className="text-xl font-semibold">
        {t("account.oidcTitle")}
      </h2>
      {identities.length > 0 ? <LinkedIdentities identities={identities} errors={errors} /> : null}
      {provider ? (
        <>
          <p>{t("account.oidcIntro", { provider })}</p>
          <form method="post" action="/compte/oidc/lier" className="flex max-w-md flex-col gap-4">
            <TextField name="code" id="oidc-code" label={t("account.secondFactorCode")} hint={t("account.factorCodeHint")} autoComplete="one-time-code" error={errors.oidcCode} maxLength={16} />
            <div>
              <Button type="submit" variant="secondary">
                {t("account.oidcSubmit", { provider })}
              </Button>
            </div>
          </form>
        </>
      ) : null}
    </section>
  );
}

/** One form, one code field above the identities, as for passkeys: each « Délier » sends its identity's ref (the submitter's name and value). */
function LinkedIdentities({ identities, errors }: { identities: Json<LinkedIdentity[]>; errors: AccountFieldErrors }) {
  return (
    <>
      <p>{t("account.oidcLinkedIntro")}</p>
      <form method="post" action="/compte/oidc/delier" className="flex max-w-md flex-col gap-4">
        <TextField
          name="code"
          id="oidc-unlink-code"
          label={t("account.oidcUnlinkCode")}
          hint={t("account.oidcUnlinkHint")}
          autoComplete="one-time-code"
          error={errors.oidcUnlinkCode}
          maxLength={16}
        />
        <ul aria-label={t("account.oidcLinkedCaption")} className="flex flex-col gap-2">
          {identities.map((identity) => {
            const label = `${identity.provider}, ${t("account.oidcLinkedAt", { date: formatDay(identity.linkedAt) })}`;
            return (
              <li key={identity.ref} className="flex items-center gap-4">
                <span>{label}</span>
                <Button type="submit" variant="quiet" name="identity" value={identity.ref} aria-label={`${t("account.oidcUnlink")} : ${label}`}>
                  {t("account.oidcUnlink")}
                </Button>
              </li>
            );
          })}
        </ul>
      </form>
    </>
  );
}
