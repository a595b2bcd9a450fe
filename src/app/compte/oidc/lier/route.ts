import { accountFormPost, field } from "@/server/accounts/account-route";
import { currentFactorProven } from "@/server/accounts/current-factor-proven";
import { oidcProviderName } from "@/server/auth/oidc";
import { startOidcLink } from "@/server/auth/oidc-link-start";
import { env } from "@/server/env";
import { publicUrlOf } from "@/server/http/public-url";

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
  if (!oidcProviderName(env())) return new Response(null, { status: 404 });
  return accountFormPost(request, async ({ session, form, now, trail }) => {
    const proven = await currentFactorProven(session.account.id, now, "oidc-link", { ...trail, sessionId: session.sessionId, currentFactor: field(form, "code", 32) });
    if (proven !== true) return `erreur=${REFUSALS[proven]}`;
    return (await startOidcLink(session, now, publicUrlOf(request.headers))) ?? "erreur=oidc-indisponible";
  });
}
