import { headers } from "next/headers";
import { Alert } from "@/components/alert";
import { PageHeader } from "@/components/page-header";
import { t, type MessageKey } from "@/lib/i18n/messages";
import { listSessions } from "@/server/accounts/account-sessions";
import { accountPagePath } from "@/server/accounts/account-route";
import { redeemRecoveryCodesTicket } from "@/server/accounts/recovery-codes-display";
import type { CurrentSession } from "@/server/auth/check-session";
import { accountForEnrolment } from "@/server/db/account-enrolment-store";
import { recentAccountEvents } from "@/server/db/account-event-store";
import { listPasskeys } from "@/server/db/passkey-store";
import { remainingRecoveryCodes } from "@/server/db/recovery-code-store";
import { clientAddress, userAgentOf } from "@/server/http/client-address";
import { EventsSection } from "./events-section";
import { EmailForm, PasswordForm, PasskeysSection, RecoverySection, TotpSection } from "./security-forms";
import { SessionsSection } from "./sessions-section";

/**
 * "Mon compte", the same for a patient (/espace/compte) and a professional (/pro/compte):
 * sessions, recent sign-ins, password, second factors, recovery codes. Every form is a plain
 * post (see src/app/compte), so all of it but creating a passkey works without JavaScript.
 */
export type AccountSearch = { ok?: string; erreur?: string; codes?: string; totp?: string; secours?: string };

const OK: Record<string, MessageKey> = {
  session: "account.sessionEnded",
  autres: "account.othersEnded",
  "mot-de-passe": "account.passwordChanged",
  totp: "account.totpReplaced",
  cle: "account.passkeyAdded",
  "cle-retiree": "account.passkeyRemoved",
  oidc: "account.oidcBound",
  "adresse-envoyee": "account.emailSent",
};
const ERRORS: Record<string, MessageKey> = {
  "mot-de-passe": "account.passwordFailed",
  "mot-de-passe-faible": "activation.passwordWeakDefault",
  facteur: "account.recoveryFailed",
  totp: "activation.totpFailed",
  session: "account.failedFactor",
  cle: "account.failedFactor",
  adresse: "account.emailFailed",
};

const SIGN_IN_KINDS = ["sign-in", "password-failed", "password-throttled", "code-failed", "second-factor-paused", "recovery-code-used", "passkey-sign-in", "passkey-failed", "oidc-sign-in", "activated"] as const;

export async function AccountOverview({ session, search }: { session: CurrentSession; search: AccountSearch }) {
  const now = new Date();
  const accountId = session.account.id;
  const h = await headers();
  const fresh = search.codes ? await redeemRecoveryCodesTicket(accountId, search.codes, now, { address: clientAddress(h), userAgent: userAgentOf(h) }) : [];
  const [sessions, events, enrolment, passkeys, remaining] = await Promise.all([
    listSessions(session, now),
    recentAccountEvents(accountId, 20, SIGN_IN_KINDS),
    accountForEnrolment(accountId),
    listPasskeys(accountId),
    remainingRecoveryCodes(accountId),
  ]);
  const ok = search.ok && OK[search.ok];
  const error = search.erreur && ERRORS[search.erreur];
  return (
    <div className="flex flex-col gap-10">
      <PageHeader title={t("account.title")} description={t("account.intro")} />
      {search.secours ? <Alert tone="info">{t("account.reEnrolAfterRecovery")}</Alert> : null}
      {ok ? <Alert tone="success">{t(ok)}</Alert> : null}
      {error ? <Alert tone="error">{t(error)}</Alert> : null}
      <SessionsSection sessions={sessions} />
      <EventsSection events={events} />
      <TotpSection pendingSecret={search.totp || search.secours ? (enrolment?.pendingTotpSecret ?? null) : null} email={enrolment?.email ?? ""} />
      <PasskeysSection passkeys={passkeys} accountPath={accountPagePath(session)} />
      <RecoverySection remaining={remaining} fresh={fresh} />
      <PasswordForm />
      <EmailForm />
    </div>
  );
}
