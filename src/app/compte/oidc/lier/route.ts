import { accountPagePath } from "@/server/accounts/account-page-path";
import { currentFactorProven } from "@/server/accounts/current-factor-proven";
import { getCurrentSession } from "@/server/auth/current-session";
import { oidcProviderName } from "@/server/auth/oidc";
import { startOidcLink } from "@/server/auth/oidc-link-start";
import { env } from "@/server/env";
import { refuseCrossSite } from "@/server/http/check-origin";
import { clientAddress, userAgentOf } from "@/server/http/client-address";
import { publicUrlOf } from "@/server/http/public-url";
import { seeOther } from "@/server/http/see-other";

const REFUSALS = { factor: "oidc-facteur", "factor-missing": "oidc-facteur-manquant" } as const;

/**
 * « Mon compte »: links the person's OpenID Connect identity to the account. A linked identity
 * signs in (alone, at a strong assurance level): an open session is not enough (a computer left
 * signed in, a stolen cookie would bind the intruder's own identity), the current factor is
 * asked as for a passkey (the form's `code`: a code of the app or a recovery code, unless this
 * session proved it at sign-in moments ago), before the browser is sent to the provider; the
 * proof is bound to that one flow (oidc-link-start.ts).
 */
export async function POST(request: Request): Promise<Response> {
  const refused = refuseCrossSite(request, env().APP_URL);
  if (refused) return refused;
  if (!oidcProviderName(env())) return new Response(null, { status: 404 });
  const session = await getCurrentSession();
  if (!session) return seeOther("/connexion");
  const now = new Date();
  const form = await request.formData().catch(() => undefined);
  const code = form?.get("code");
  const proven = await currentFactorProven(session.account.id, now, "oidc-link", {
    sessionId: session.sessionId,
    currentFactor: typeof code === "string" ? code.slice(0, 32) : "",
    address: clientAddress(request.headers),
    userAgent: userAgentOf(request.headers),
  });
  const page = accountPagePath(session);
  if (proven !== true) return seeOther(`${page}?erreur=${REFUSALS[proven]}#oidc`);
  return (await startOidcLink(session, now, publicUrlOf(request.headers))) ?? seeOther(`${page}?erreur=oidc-indisponible#oidc`);
}
