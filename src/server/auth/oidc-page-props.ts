import "@/server/server-only";
import { t } from "@/lib/i18n/messages";
import { env } from "../env";
import { requestCookie } from "../http/request-cookie";
import { NOT_FOUND, openPage } from "../pages/framed-page";
import { secrets } from "../secrets";
import { csrfTokenFromCookie } from "./csrf-token";
import { OIDC_PROVIDER_ID, oidcProviderName } from "./oidc";
import { currentAuthCookies } from "./session-token";

/** The identity provider's name, and next-auth's address for it with the CSRF token the form posts there. */
export type OidcPageData = { name: string; action: string; csrfToken: string };

/**
 * /connexion/oidc, reached from the sign-in page's button through /connexion/oidc/demarrer,
 * which sets next-auth's CSRF cookie: « Page introuvable » without a provider configured, the
 * sign-in page without a genuine token (URL-decoded, as `cookies()` gave it).
 */
export const oidcPageProps = openPage<OidcPageData>((_context, headers) => {
  const name = oidcProviderName(env());
  if (!name) return NOT_FOUND;
  const csrfToken = csrfTokenFromCookie(requestCookie(headers.get("cookie"), currentAuthCookies().csrfToken.name), secrets().authSecret);
  if (!csrfToken) return { redirect: "/connexion" };
  return { title: t("signIn.title"), data: { name, action: `/api/auth/signin/${OIDC_PROVIDER_ID}`, csrfToken } };
});
