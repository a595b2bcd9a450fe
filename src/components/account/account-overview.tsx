import { Alert } from "@/components/alert";
import { PageHeader } from "@/components/page-header";
import { t, tn, type MessageKey } from "@/lib/i18n/messages";
import type { AccountPageData } from "@/server/accounts/account-page-data";
import type { Json } from "@/server/pages/json-props";
import { CloseSpaceSection } from "./close-space-section";
import { EventsSection } from "./events-section";
import { OidcSection } from "./oidc-section";
import { EmailForm, PasswordForm, PasskeysSection, RecoverySection, TotpSection, type AccountField, type AccountFieldErrors } from "./security-forms";
import { SessionsSection } from "./sessions-section";

/** The refusals that are about one field alone: that field says them too, not only the notice at the top. */
const FIELD_OF: Partial<Record<MessageKey, AccountField>> = {
  "activation.passwordWeak": "newPassword",
  "activation.passwordLength": "newPassword",
  "account.passwordCurrentFailed": "currentPassword",
  "account.passwordCodeFailed": "passwordCode",
  "account.emailInvalid": "email",
  "account.emailSame": "email",
  "account.emailCodeFailed": "emailCode",
  "account.passkeyRemoveFactorFailed": "passkeyRemoveCode",
  "account.passkeyRemoveFactorMissing": "passkeyRemoveCode",
  "account.oidcFactorFailed": "oidcCode",
  "account.oidcFactorMissing": "oidcCode",
  "account.oidcUnlinkFactorFailed": "oidcUnlinkCode",
  "account.oidcUnlinkFactorMissing": "oidcUnlinkCode",
  "closeSpace.codeFailed": "closeSpaceCode",
};

/**
 * "Mon compte", the same for a patient (/espace/compte) and a professional (/pro/compte):
 * sessions, recent sign-ins, recent changes of the account, password, second factors, recovery
 * codes. Every form is a plain post (see src/app/compte), so all of it but creating a passkey
 * works without JavaScript; that button's behaviour is an inline script (passkey-button.tsx), and
 * the page loads no bundle.
 */
export function AccountOverview({ data, nonce, recordCopy, closeSpace = false }: { data: Json<AccountPageData>; nonce: string | null; recordCopy?: string; closeSpace?: boolean }) {
  const field = data.error ? FIELD_OF[data.error] : undefined;
  const fieldErrors: AccountFieldErrors = field && data.error ? { [field]: t(data.error) } : {};
  return (
    <div className="flex flex-col gap-10">
      <PageHeader title={t("account.title")} description={t("account.intro")} />
      {data.afterRecovery ? <Alert tone="info">{t("account.reEnrolAfterRecovery")}</Alert> : null}
      {data.ok ? (
        <Alert tone="success">
          {t(data.ok)}
          {data.closedSessions ? ` ${tn(data.closedSessions.message, data.closedSessions.count)}` : null}
        </Alert>
      ) : null}
      {data.error ? <Alert tone="error">{t(data.error)}</Alert> : null}
      <SessionsSection sessions={data.sessions} />
      <EventsSection list="sign-ins" events={data.events} />
      <EventsSection list="changes" events={data.changes} />
      <TotpSection pending={data.totp} />
      <PasskeysSection passkeys={data.passkeys} accountPath={data.accountPath} nonce={nonce} library={data.passkeyLibrary} errors={fieldErrors} />
      {data.oidcProvider || data.oidcIdentities.length > 0 ? <OidcSection provider={data.oidcProvider} identities={data.oidcIdentities} errors={fieldErrors} /> : null}
      <RecoverySection remaining={data.remainingCodes} fresh={data.freshCodes} />
      <PasswordForm errors={fieldErrors} />
      <EmailForm errors={fieldErrors} typed={data.emailTyped} />
      {recordCopy ? (
        <section aria-labelledby="copie-dossier" className="flex flex-col gap-2">
          <h2 id="copie-dossier" className="text-xl font-semibold">
            {t("recordCopy.accountTitle")}
          </h2>
          <p>
            <a href="/espace/copie" className="text-blue-800 underline underline-offset-4 hover:text-blue-950">
              {recordCopy}
            </a>
          </p>
        </section>
      ) : null}
      {/* A patient's own space only: a professional's account is no « espace numérique de santé ». */}
      {closeSpace ? <CloseSpaceSection error={fieldErrors.closeSpaceCode} alsoClosed={data.alsoClosed} inOtherSpace={data.inOtherSpace === true} /> : null}
    </div>
  );
}
