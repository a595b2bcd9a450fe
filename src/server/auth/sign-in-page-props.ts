import "@/server/server-only";
import type { ParsedUrlQuery } from "node:querystring";
import { t, type MessageKey } from "@/lib/i18n/messages";
import { keptWaysFrom, type KeptWays } from "../accounts/reset-kept-ways";
import { env } from "../env";
import { openPage } from "../pages/framed-page";
import { queryValue } from "../pages/query-page";
import { webauthnLibraryUrl } from "../webauthn/browser-library";
import { oidcProviderName } from "./oidc";
import { keepReturnPath } from "./return-after-sign-in";
import { returnPathOf } from "@/lib/auth/return-path";

/**
 * What the sign-in page says above its form (from a flag in the address, never its text), and
 * whether an identity provider is offered. `kept`: after a password reset, the passkeys and
 * linked identities the account still has, from the cookie the reset set (reset-kept-ways.ts).
 */
export type SignInPageData = { done: MessageKey | null; message: MessageKey | null; kept: KeptWays | null; oidcName: string | null; passkeyLibrary: string };

const DONE: Record<string, MessageKey> = { reinitialise: "reset.done", "adresse-confirmee": "account.emailConfirmed" };
const FAILED: Record<string, MessageKey> = { identifiants: "signIn.failed", "adresse-refusee": "account.emailRefused", saisie: "signIn.invalidInput" };

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
  return { title: t("signIn.title"), data: signInMessages(query, headers) };
});

function signInMessages(query: ParsedUrlQuery, headers: Headers): SignInPageData {
  const erreur = queryValue(query.erreur);
  const done = (erreur && Object.hasOwn(DONE, erreur) && DONE[erreur]) || null;
  // next-auth sends errors of its own flows here (?error=…); their detail stays unsaid.
  const message = done ? null : (erreur && Object.hasOwn(FAILED, erreur) && FAILED[erreur]) || (query.error !== undefined ? "signInError.body" : null);
  const kept = done === "reset.done" ? keptWaysFrom(headers.get("cookie")) : null;
  return { done, message, kept, oidcName: oidcProviderName(env()) ?? null, passkeyLibrary: webauthnLibraryUrl() };
}
