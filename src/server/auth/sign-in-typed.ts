import "@/server/server-only";
import type { TypedForm } from "../http/typed-form-cookie";

/** The sign-in form's address, kept after a refusal (typed-before-session.ts); the password never is. */
export const SIGN_IN_FORM = {
  name: "sign-in",
  cookie: "espace-sante.connexion-saisie",
  path: "/connexion",
  fields: { email: 254 },
} as const satisfies TypedForm<"email">;

/**
 * The forgotten password's address, kept when it was not one (« marie@gmail », which the browser lets through): the page
 * used to answer « un e-mail vient de lui être envoyé » with an empty field, and nothing left.
 */
export const FORGOTTEN_FORM = {
  name: "forgotten-password",
  cookie: "espace-sante.oubli-saisie",
  path: "/connexion/oubli",
  fields: { email: 254 },
} as const satisfies TypedForm<"email">;

/**
 * The activation code and birth date, kept after a refusal: the code is a long one copied from a
 * letter, and a birth date typed wrong sent both away. A code kept is one that opens nothing by
 * itself here: a patient's also needs the birth date, and a professional's that went through is
 * forgotten at once.
 */
export const ACTIVATION_FORM = {
  name: "activation",
  cookie: "espace-sante.activation-saisie",
  path: "/activer",
  fields: { code: 40, birthDate: 10 },
} as const satisfies TypedForm<"code" | "birthDate">;
