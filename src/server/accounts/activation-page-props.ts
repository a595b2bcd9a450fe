import "@/server/server-only";
import QRCode from "qrcode";
import { t, type MessageKey } from "@/lib/i18n/messages";
import { otpauthUri } from "../auth/totp-uri";
import type { CurrentSession } from "../auth/check-session";
import { countPasskeys } from "../db/passkey-store";
import { regenerateRecoveryCodes, remainingRecoveryCodes } from "../db/recovery-code-store";
import { openPage } from "../pages/framed-page";
import { webauthnLibraryUrl } from "../webauthn/browser-library";
import { pendingActivation } from "./pending-activation";
import { ACTIVATION_FORM } from "../auth/sign-in-typed";
import { takeTypedBeforeSession } from "../auth/typed-before-session";

/**
 * The getServerSideProps of the activation pages (/activer and its steps), served by the Pages
 * Router without runtime JavaScript. Each step reads the activation under way in this browser
 * (pending-activation.ts: its cookie, a live challenge, an account not yet activated); without
 * one, the page says the activation has expired and links back to its start (`expired`).
 */

/**
 * /activer: what went wrong with the code last posted, from a flag in the address, never its
 * text; `sent` after an account opened from an invitation, whose code went by e-mail.
 */
export type ActivationPageData = { error: MessageKey | null; sent: boolean; code: string; birthDate: string };

export const activationPageProps = openPage<ActivationPageData>(({ query, res }, headers) => {
  // Any flag but « expire » or « utilise » (repeated, too) reads as a refused code, as the App page did.
  const { erreur } = query;
  const error = erreur === "expire" ? "activation.expired" : erreur === "utilise" ? "activation.spent" : erreur ? "activation.failed" : null;
  // What the refused form held (sign-in-typed.ts), taken after any refusal so that it does not
  // linger in the browser; shown only after a refused code, not a spent or expired one, which is
  // no use typed again.
  const kept = error ? takeTypedBeforeSession(ACTIVATION_FORM, headers.get("cookie"), res) : undefined;
  const typed = error === "activation.failed" ? kept : undefined;
  return { title: t("activation.title"), data: { error, sent: query.envoye === "1", code: typed?.code ?? "", birthDate: typed?.birthDate ?? "" } };
});

/**
 * A step with no activation under way in this browser. `signedIn`: a session is open here, as
 * after a finished activation when the person goes Back from her space (the activation's
 * cookie is gone): « Cette activation a expiré… demandez un nouveau code » sent her to ask for a
 * code she does not need (found by a walk of the activation). Whose session it is, the page does not say.
 */
export type NoActivation = { expired: true; signedIn: boolean };
const noActivation = async (session: Promise<CurrentSession | undefined>): Promise<NoActivation> => ({ expired: true, signedIn: (await session) !== undefined });

/** /activer/mot-de-passe: the account's address (for password managers) and the last refusal's words. */
export type ChoosePasswordData = NoActivation | { expired: false; email: string; error: string | null };

const PASSWORD_ERRORS: Record<string, () => string> = {
  faible: () => t("activation.passwordWeak"),
  different: () => t("activation.passwordMismatch"),
  longueur: () => t("activation.passwordLength"),
};

export const choosePasswordProps = openPage<ChoosePasswordData>(async ({ query }, headers, session) => {
  const title = t("activation.passwordTitle");
  const activation = await pendingActivation(headers.get("cookie"), new Date());
  if (!activation) return { title, data: await noActivation(session) };
  const { erreur } = query;
  // An own key only: « toString » is not a refusal.
  const error = typeof erreur === "string" && Object.hasOwn(PASSWORD_ERRORS, erreur) ? PASSWORD_ERRORS[erreur]!() : null;
  return { title, data: { expired: false, email: activation.account.email, error } };
});

/**
 * /activer/second-facteur: the TOTP secret being set up (the person types it into their app:
 * the only key material here), grouped by four, and its QR code drawn on the server; whether the
 * last code was refused; SimpleWebAuthn's file for the passkey button.
 */
export type SecondFactorData = NoActivation | { expired: false; key: string; qr: string; failed: boolean; passkeyLibrary: string };

export const secondFactorProps = openPage<SecondFactorData>(async ({ query }, headers, session) => {
  const title = t("activation.factorTitle");
  const activation = await pendingActivation(headers.get("cookie"), new Date());
  if (!activation) return { title, data: await noActivation(session) };
  const { account } = activation;
  if (!account.hasPassword || !account.pendingTotpSecret) return { redirect: account.hasTotp ? "/activer/codes-secours" : "/activer/mot-de-passe" };
  const qr = await QRCode.toDataURL(otpauthUri(account.pendingTotpSecret, account.email), { margin: 1, width: 220 });
  return {
    title,
    data: { expired: false, key: account.pendingTotpSecret.match(/.{1,4}/g)!.join(" "), qr, failed: Boolean(query.erreur), passkeyLibrary: webauthnLibraryUrl() },
  };
});

/**
 * /activer/codes-secours: the ten recovery codes, made the first time this page is shown and
 * never shown again (only their hashes are kept); a reload shows none, the button still
 * finishes. Made on this GET, as before: an App Router prefetch is answered 204 before (openPage).
 */
export type RecoveryCodesData = NoActivation | { expired: false; codes: string[] };

export const recoveryCodesProps = openPage<RecoveryCodesData>(async (_context, headers, session) => {
  const title = t("activation.recoveryTitle");
  const now = new Date();
  const activation = await pendingActivation(headers.get("cookie"), now);
  if (!activation) return { title, data: await noActivation(session) };
  const { account } = activation;
  if (!account.hasTotp && (await countPasskeys(account.id)) === 0) return { redirect: "/activer/second-facteur" };
  const codes = (await remainingRecoveryCodes(account.id)) === 0 ? await regenerateRecoveryCodes(account.id, now) : [];
  return { title, data: { expired: false, codes } };
});
