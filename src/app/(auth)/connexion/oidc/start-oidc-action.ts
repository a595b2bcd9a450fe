"use server";

import { cookies, headers } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { currentAuthCookies } from "@/server/auth/current-session";
import { newCsrfToken } from "@/server/auth/csrf-token";
import { oidcProviderName } from "@/server/auth/oidc";
import { env } from "@/server/env";
import { assertSameOrigin } from "@/server/http/check-origin";
import { secrets } from "@/server/secrets";

/**
 * next-auth starts an OpenID Connect sign-in on a POST carrying its CSRF token. This action
 * sets that token's cookie, then the next page posts the form to next-auth, so the whole
 * flow works without JavaScript.
 */
export async function startOidcAction(): Promise<void> {
  assertSameOrigin(await headers(), env().APP_URL);
  if (!oidcProviderName(env())) notFound();
  const names = currentAuthCookies();
  (await cookies()).set(names.csrfToken.name, newCsrfToken(secrets().authSecret).cookieValue, names.csrfToken.options);
  redirect("/connexion/oidc");
}
