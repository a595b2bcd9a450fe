import "@/server/server-only";
import type { ParsedUrlQuery } from "node:querystring";
import type { ServerResponse } from "node:http";
import { t, type MessageKey } from "@/lib/i18n/messages";
import { keptWaysFrom, type KeptWays } from "../accounts/reset-kept-ways";
import { env } from "../env";
import { openPage } from "../pages/framed-page";
import { queryValue } from "../pages/query-page";
import { webauthnLibraryUrl } from "../webauthn/browser-library";
import { oidcProviderName } from "./oidc";
import { SIGN_IN_FORM } from "./sign-in-typed";
import { takeTypedBeforeSession } from "./typed-before-session";
import { keepReturnPath } from "./return-after-sign-in";
import { returnPathOf } from "@/lib/auth/return-path";

/**
 * What the sign-in page says above its form (from a flag in the address, never its text), and
 * whether an identity provider is offered. `kept`: after a password reset, the passkeys and
 * linked identities the account still has, from the cookie the reset set (reset-kept-ways.ts).
 */
export type SignInPageData = {
  done: MessageKey | null;
  message: MessageKey | null;
  kept: KeptWays | null;
  /** The address the refused form held (sign-in-typed.ts), given back to its field. */
  email: string;
  oidcName: string | null;
  passkeyLibrary: string;
};

const DONE: Record<string, MessageKey> = { reinitialise: "reset.done", "adresse-confirmee": "account.emailConfirmed", "espace-cloture": "closeSpace.done" };
const FAILED: Record<string, MessageKey> = {
  identifiants: "signIn.failed",
  "adresse-refusee": "account.emailRefused",
  saisie: "signIn.invalidInput",
  // A right password for a closed space (start-sign-in.ts): it opens nothing, and says how to reopen.
  "espace-clos": "closeSpace.signInClosed",
};

/**
 * The sign-in page's getServerSideProps: a signed-in person is sent home (« / » finds their
 * space), or to the page she was sent here from (`?vers=`); otherwise that page is kept for
 * after the sign-in (return-after-sign-in.ts).
 */
export const signInPageProps = openPage<SignInPageData>(async ({ query, res }, headers, session) => {
  const back = queryValue(query.vers);
  if (await session) return { redirect: returnPathOf(back) ?? "/" };
  const keep = keepReturnPath(back);
  if (keep) res.appendHeader("Set-Cookie", keep);
  return { title: t("signIn.title"), data: signInMessages(query, headers, res) };
});

function signInMessages(query: ParsedUrlQuery, headers: Headers, res: ServerResponse): SignInPageData {
  const erreur = queryValue(query.erreur);
  const done = (erreur && Object.hasOwn(DONE, erreur) && DONE[erreur]) || null;
  // next-auth sends errors of its own flows here (?error=…); their detail stays unsaid.
  const message = done ? null : (erreur && Object.hasOwn(FAILED, erreur) && FAILED[erreur]) || (query.error !== undefined ? "signInError.body" : null);
  const kept = done === "reset.done" ? keptWaysFrom(headers.get("cookie")) : null;
  const typed = erreur === "identifiants" || erreur === "saisie" || erreur === "espace-clos" ? takeTypedBeforeSession(SIGN_IN_FORM, headers.get("cookie"), res) : undefined;
  return { done, message, kept, email: typed?.email ?? "", oidcName: oidcProviderName(env()) ?? null, passkeyLibrary: webauthnLibraryUrl() };
}
