import "@/server/server-only";
import type { SpacesAlsoClosed } from "./spaces-also-closed";
import QRCode from "qrcode";
import type { MessageKey, PluralKey } from "@/lib/i18n/messages";
import type { CurrentSession } from "../auth/check-session";
import { oidcProviderName } from "../auth/oidc";
import { secondFactorIsRecent } from "../auth/session-policy";
import { otpauthUri } from "../auth/totp-uri";
import { accountForEnrolment } from "../db/account-enrolment-store";
import { recentAccountEventsOfTwoKinds } from "../db/account-event-store";
import { secondFactorsOf } from "../db/account-second-factors";
import { sessionSecondFactorAt } from "../db/session-store";
import { env } from "../env";
import { clientAddress, userAgentOf } from "../http/client-address";
import { listSessions, type SessionView } from "./account-sessions";
import { linkedIdentitiesOf, type LinkedIdentity } from "./linked-identities";
import { accountPagePath } from "./account-page-path";
import { emailTypedOfPage } from "./email-typed";
import { webauthnLibraryUrl } from "../webauthn/browser-library";
import { redeemRecoveryCodesTicket } from "./recovery-codes-display";

/**
 * What « Mon compte » shows (the same page for a patient, /espace/compte, and a professional,
 * /pro/compte): live sessions, recent sign-ins, recent changes of the account, the second
 * factors, recovery codes, and the result of the form just posted (src/app/compte, by a flag in
 * the address, never its text).
 * Only what the page shows leaves here: no key, hash or secret but the TOTP secret being set up,
 * which the person must see to type it into their app.
 */
export type AccountSearch = {
  ok?: string;
  erreur?: string;
  codes?: string;
  totp?: string;
  secours?: string;
  /** Not from the address: the count the removal sealed for this session (closed-sessions-flash.ts). */
  closed?: number | null;
};

export type AccountPageData = {
  accountPath: "/espace/compte" | "/pro/compte";
  ok: MessageKey | null;
  /** After removing a passkey or unlinking an identity: how many other sessions it had opened were ended (close-sessions-opened-with.ts). */
  closedSessions: { count: number; message: PluralKey } | null;
  error: MessageKey | null;
  afterRecovery: boolean;
  sessions: SessionView[];
  /** Sign-ins only, successful or not. */
  events: AccountEventView[];
  /** Changes made to the account, and the wrong passwords or codes typed to confirm one. */
  changes: AccountEventView[];
  /**
   * A new TOTP secret being set up (asked for by « Remplacer », or after a recovery code): its key
   * and QR code, and whether a code of the current factor is asked with it (not when this session
   * proved it at sign-in a moment ago: confirm-totp.ts decides the same when the form comes back).
   */
  totp: { key: string; qr: string; asksCurrentFactor: boolean } | null;
  passkeys: { credentialId: string; name: string }[];
  /** SimpleWebAuthn's browser file, for the button that creates a passkey. */
  passkeyLibrary: string;
  /** The identity provider's name when one is configured: « Mon compte » offers to link an identity of it. */
  oidcProvider: string | null;
  /** The identities linked to the account, configured provider or not (an old link signs in again if its provider comes back). */
  oidcIdentities: LinkedIdentity[];
  remainingCodes: number;
  /** Recovery codes just made, shown this once (the ticket in the address is spent reading them). */
  freshCodes: string[];
  /** The new address of a refused « Changer d'adresse », given back to its field (email-typed.ts). */
  emailTyped: string | null;
  /** Other people's spaces she acts in, which closing her own would also take from her (spaces-also-closed.ts). */
  alsoClosed?: SpacesAlsoClosed;
  /** She acts in a relative's space: her own space's closure is offered from her own space only. */
  inOtherSpace?: true;
};

export type AccountEventView = { at: Date; kind: string; address: string | null };

const OK: Record<string, MessageKey> = {
  session: "account.sessionEnded",
  autres: "account.othersEnded",
  "mot-de-passe": "account.passwordChanged",
  totp: "account.totpReplaced",
  cle: "account.passkeyAdded",
  "cle-retiree": "account.passkeyRemoved",
  oidc: "account.oidcBound",
  "oidc-delie": "account.oidcUnlinked",
  "adresse-envoyee": "account.emailSent",
};
/** The results that end the sessions a way in opened, and how the page counts them. */
const CLOSED: Record<string, PluralKey> = { "cle-retiree": "account.passkeySessionsClosed", "oidc-delie": "account.oidcSessionsClosed" };

/** The count the removal sealed for this session and this result (closed-sessions-flash.ts), beside its own result only. */
function closedSessions(search: AccountSearch): AccountPageData["closedSessions"] {
  const message = search.ok ? CLOSED[search.ok] : undefined;
  if (!message || !search.closed) return null;
  return { count: search.closed, message };
}

const ERRORS: Record<string, MessageKey> = {
  "mot-de-passe": "account.passwordFailed",
  "mot-de-passe-faible": "activation.passwordWeak",
  "mot-de-passe-longueur": "activation.passwordLength",
  "mot-de-passe-actuel": "account.passwordCurrentFailed",
  "mot-de-passe-code": "account.passwordCodeFailed",
  facteur: "account.recoveryFailed",
  totp: "activation.totpFailed",
  "totp-facteur": "account.totpFactorFailed",
  "totp-facteur-manquant": "account.totpFactorMissing",
  session: "account.failedFactor",
  cle: "account.passkeyRemoveUnknown",
  "cle-retrait-facteur": "account.passkeyRemoveFactorFailed",
  "cle-retrait-facteur-manquant": "account.passkeyRemoveFactorMissing",
  "oidc-facteur": "account.oidcFactorFailed",
  "oidc-facteur-manquant": "account.oidcFactorMissing",
  "oidc-lien": "account.oidcLinkUnproven",
  "oidc-indisponible": "account.oidcUnavailable",
  "oidc-delier-facteur": "account.oidcUnlinkFactorFailed",
  "oidc-delier-facteur-manquant": "account.oidcUnlinkFactorMissing",
  "oidc-inconnue": "account.oidcUnlinkUnknown",
  adresse: "account.emailFailed",
  "adresse-invalide": "account.emailInvalid",
  "adresse-identique": "account.emailSame",
  "adresse-code": "account.emailCodeFailed",
  "cloture-code": "closeSpace.codeFailed",
  "cloture-espace": "closeSpace.notOwn",
  "cloture-mineur": "closeSpace.minor",
  "cloture-deja": "closeSpace.already",
  "cloture-modifie": "closeSpace.changedMeanwhile",
};

const SIGN_IN_KINDS = ["sign-in", "password-failed", "password-throttled", "code-failed", "second-factor-paused", "recovery-code-used", "recovery-code-failed", "passkey-sign-in", "passkey-failed", "oidc-sign-in", "activated"] as const;
// What was typed inside the account to confirm a change is no sign-in (account-event-store.ts).
const CHANGE_KINDS = [
  "account-password-failed",
  "account-code-failed",
  "password-changed",
  "password-reset-requested",
  "password-reset",
  "email-change-requested",
  "email-changed",
  "totp-replaced",
  "passkey-added",
  "passkey-removed",
  "oidc-linked",
  "oidc-unlinked",
  "recovery-codes-regenerated",
  "second-factors-removed",
  "opening-released",
  "space-closed",
  "space-reopened",
] as const;

export async function accountPageData(session: CurrentSession, search: AccountSearch, headers: Headers, now: Date): Promise<AccountPageData> {
  const accountId = session.account.id;
  const fresh = search.codes ? redeemRecoveryCodesTicket(accountId, search.codes, now, { address: clientAddress(headers), userAgent: userAgentOf(headers) }) : Promise.resolve([]);
  // The account's own row only when a new TOTP secret is being set up: its pending secret and e-mail.
  const settingUpTotp = Boolean(search.totp || search.secours);
  const [freshCodes, sessions, [events, changes], enrolment, secondFactorAt, { passkeys, remainingCodes }, oidcIdentities] = await Promise.all([
    fresh,
    listSessions(session, now),
    recentAccountEventsOfTwoKinds(accountId, 20, SIGN_IN_KINDS, CHANGE_KINDS),
    settingUpTotp ? accountForEnrolment(accountId) : undefined,
    settingUpTotp ? sessionSecondFactorAt(session.sessionId, accountId) : null,
    secondFactorsOf(accountId),
    linkedIdentitiesOf(accountId),
  ]);
  const pending = settingUpTotp ? (enrolment?.pendingTotpSecret ?? null) : null;
  return {
    accountPath: accountPagePath(session),
    ok: (search.ok && OK[search.ok]) || null,
    closedSessions: closedSessions(search),
    error: (search.erreur && ERRORS[search.erreur]) || null,
    // Said only to a session that did come in with a recovery code (its proof of the second factor
    // is that event's instant), not to whoever follows a link ending in ?secours=1.
    afterRecovery: Boolean(search.secours) && secondFactorAt !== null && events.some((event) => event.kind === "recovery-code-used" && new Date(event.at).getTime() === secondFactorAt.getTime()),
    sessions,
    events: events.map(eventView),
    changes: changes.map(eventView),
    totp: pending
      ? {
          key: pending,
          qr: await QRCode.toDataURL(otpauthUri(pending, enrolment?.email ?? ""), { margin: 1, width: 200 }),
          asksCurrentFactor: !secondFactorIsRecent(secondFactorAt, now),
        }
      : null,
    passkeys,
    passkeyLibrary: webauthnLibraryUrl(),
    oidcProvider: oidcProviderName(env()) ?? null,
    oidcIdentities,
    remainingCodes,
    freshCodes,
    emailTyped: emailTypedOfPage(session, headers.get("cookie"), search.erreur),
  };
}

const eventView = ({ at, kind, address }: AccountEventView): AccountEventView => ({ at, kind, address });
