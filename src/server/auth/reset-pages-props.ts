import "@/server/server-only";
import { t, type MessageKey } from "@/lib/i18n/messages";
import { openPage } from "../pages/framed-page";
import { queryValue } from "../pages/query-page";
import { SIGN_IN_ERRORS } from "./sign-in-errors";

/**
 * The getServerSideProps of the pages around sign-in that read nothing but their address: the
 * forgotten password's form, the reset link's page and next-auth's error page. Each says what a
 * flag in the address means, never its text.
 */

export type ForgottenPasswordData = { sent: boolean };

export const forgottenPasswordProps = openPage<ForgottenPasswordData>(({ query }) => ({ title: t("reset.title"), data: { sent: queryValue(query.envoye) !== undefined } }));

/** The reset link's token, when it has the shape of one (checked when posted), and what went wrong. */
export type ResetPasswordData = { token: string | null; error: MessageKey | null };

const RESET_ERRORS: Record<string, MessageKey> = { lien: "reset.badLink", facteur: "reset.badFactor", faible: "activation.passwordWeak", longueur: "activation.passwordLength" };

export const resetPasswordProps = openPage<ResetPasswordData>(({ query }) => {
  const jeton = queryValue(query.jeton);
  const erreur = queryValue(query.erreur);
  const token = jeton && /^[A-Za-z0-9_-]{43}$/.test(jeton) ? jeton : null;
  const error = (erreur && Object.hasOwn(RESET_ERRORS, erreur) && RESET_ERRORS[erreur]) || (token ? null : "reset.badLink");
  return { title: t("reset.newTitle"), data: { token, error } };
});

/**
 * Where next-auth sends a failed sign-in. A refused code goes back to the page it was typed on
 * (the app's code page says whether the challenge can still take one; a recovery code, to the
 * recovery page); anything else gets a generic message.
 */
export const signInErrorProps = openPage<null>(({ query }) => {
  const error = queryValue(query.error);
  if (error === SIGN_IN_ERRORS.code || error === SIGN_IN_ERRORS.challenge) return { redirect: "/connexion/code?erreur=1" };
  if (error === SIGN_IN_ERRORS.recovery) return { redirect: "/connexion/secours?erreur=1" };
  if (error === SIGN_IN_ERRORS.paused) return { redirect: "/connexion/code?erreur=pause" };
  return { title: t("signInError.title"), data: null };
});
