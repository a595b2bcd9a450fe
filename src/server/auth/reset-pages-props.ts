import "@/server/server-only";
import { t, type MessageKey } from "@/lib/i18n/messages";
import { accountLinkState, type AccountLinkState } from "../accounts/account-link-state";
import { openPage } from "../pages/framed-page";
import { queryValue } from "../pages/query-page";
import { SIGN_IN_ERRORS } from "./sign-in-errors";
import { FORGOTTEN_FORM } from "./sign-in-typed";
import { takeTypedBeforeSession } from "./typed-before-session";

/**
 * The getServerSideProps of the pages around sign-in that read nothing but their address: the
 * forgotten password's form, the reset link's page and next-auth's error page. Each says what a
 * flag in the address means, never its text.
 */

/** `invalid`: what was posted was no address; `email`: what it was, given back to the field (sign-in-typed.ts). */
export type ForgottenPasswordData = { sent: boolean; invalid: boolean; email: string };

export const forgottenPasswordProps = openPage<ForgottenPasswordData>(({ query, res }, headers) => {
  const invalid = queryValue(query.erreur) === "saisie";
  const email = invalid ? (takeTypedBeforeSession(FORGOTTEN_FORM, headers.get("cookie"), res)?.email ?? "") : "";
  return { title: t("reset.title"), data: { sent: queryValue(query.envoye) !== undefined, invalid, email } };
});

/**
 * The reset link's token, when it has the shape of one (checked again when posted), whether it
 * can still serve, and what went wrong with the last post.
 */
export type ResetPasswordData = { token: string | null; state: AccountLinkState; error: MessageKey | null; errorField: ResetField | null };

/** The form's field a refusal names, which the page marks invalid and describes by the refusal. */
export type ResetField = "newPassword" | "code";

const RESET_ERRORS: Record<string, { key: MessageKey; field: ResetField | null }> = {
  lien: { key: "reset.badLink", field: null },
  facteur: { key: "reset.badFactor", field: "code" },
  faible: { key: "activation.passwordWeak", field: "newPassword" },
  longueur: { key: "activation.passwordLength", field: "newPassword" },
};

/**
 * The link's state is read without counting a try nor spending it (mail scanners open links):
 * a link already used, replaced, expired or out of tries says so at once, instead of a form
 * whose post would be refused (reset-password.ts still decides on its own).
 */
export const resetPasswordProps = openPage<ResetPasswordData>(async ({ query }) => {
  const token = queryValue(query.jeton) ?? null;
  const erreur = queryValue(query.erreur);
  // A token without the shape of one is "unknown" there, and is never put back in the page.
  const state = await accountLinkState("password-reset", token, new Date());
  const refusal = (erreur && Object.hasOwn(RESET_ERRORS, erreur) && RESET_ERRORS[erreur]) || null;
  return {
    title: t(state === "live" ? "reset.newTitle" : "reset.linkEndedTitle"),
    data: { token: state === "live" ? token : null, state, error: refusal?.key ?? null, errorField: refusal?.field ?? null },
  };
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
