import { cookies } from "next/headers";
import { currentAuthCookies } from "@/server/auth/current-session";
import { newCsrfToken } from "@/server/auth/csrf-token";
import { oidcProviderName } from "@/server/auth/oidc";
import { env } from "@/server/env";
import { refuseCrossSite } from "@/server/http/check-origin";
import { seeOther } from "@/server/http/see-other";
import { secrets } from "@/server/secrets";

/**
 * next-auth starts an OpenID Connect sign-in on a POST carrying its CSRF token. This sets the
 * token's cookie; the next page posts the form to next-auth, so the flow needs no JavaScript.
 */
export async function POST(request: Request): Promise<Response> {
  const refused = refuseCrossSite(request, env().APP_URL);
  if (refused) return refused;
  if (!oidcProviderName(env())) return new Response(null, { status: 404 });
  const names = currentAuthCookies();
  (await cookies()).set(names.csrfToken.name, newCsrfToken(secrets().authSecret).cookieValue, names.csrfToken.options);
  return seeOther("/connexion/oidc");
}
