import "@/server/server-only";
import type { ParsedUrlQuery } from "node:querystring";
import { t, type MessageKey } from "@/lib/i18n/messages";
import { env } from "../env";
import { openPage } from "../pages/framed-page";
import { queryValue } from "../pages/query-page";
import { webauthnLibraryUrl } from "../webauthn/browser-library";
import { oidcProviderName } from "./oidc";

/** What the sign-in page says above its form (from a flag in the address, never its text), and whether an identity provider is offered. */
export type SignInPageData = { done: MessageKey | null; message: MessageKey | null; oidcName: string | null; passkeyLibrary: string };

const DONE: Record<string, MessageKey> = { reinitialise: "reset.done", "adresse-confirmee": "account.emailConfirmed" };
const FAILED: Record<string, MessageKey> = { identifiants: "signIn.failed", "adresse-refusee": "account.emailRefused", saisie: "signIn.invalidInput" };

/** The sign-in page's getServerSideProps: a signed-in person is sent home (« / » finds their space). */
export const signInPageProps = openPage<SignInPageData>(async ({ query }, _headers, session) => {
  if (await session) return { redirect: "/" };
  return { title: t("signIn.title"), data: signInMessages(query) };
});

function signInMessages(query: ParsedUrlQuery): SignInPageData {
  const erreur = queryValue(query.erreur);
  const done = (erreur && Object.hasOwn(DONE, erreur) && DONE[erreur]) || null;
  // next-auth sends errors of its own flows here (?error=…); their detail stays unsaid.
  const message = done ? null : (erreur && Object.hasOwn(FAILED, erreur) && FAILED[erreur]) || (query.error !== undefined ? "signInError.body" : null);
  return { done, message, oidcName: oidcProviderName(env()) ?? null, passkeyLibrary: webauthnLibraryUrl() };
}
