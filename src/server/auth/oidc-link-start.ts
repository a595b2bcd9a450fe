import "@/server/server-only";
import { accountPagePath } from "../accounts/account-page-path";
import { recordOidcLinkProof } from "../accounts/oidc-link-proof";
import { secrets } from "../secrets";
import { authOptions } from "./auth-options";
import type { CurrentSession } from "./check-session";
import { newCsrfToken } from "./csrf-token";
import { nextAuthResponse } from "./next-auth-request";
import { OIDC_PROVIDER_ID } from "./oidc";
import { currentAuthCookies } from "./session-token";

/**
 * Sends a signed-in person, whose current factor « Mon compte » has just checked, to the identity
 * provider to link her identity: next-auth's own sign-in with the provider (its state, PKCE and
 * nonce cookies, the provider's address), asked here on the server with a CSRF token of its
 * format, so one button of « Mon compte » goes straight to the provider. The `state` of that
 * redirect is recorded with the proof (oidc-link-proof.ts): only this flow can link. Undefined
 * when next-auth gives no redirect to the provider (the provider unreachable, its configuration
 * unreadable): nothing was recorded.
 */
export async function startOidcLink(session: CurrentSession, now: Date, publicUrl: string): Promise<Response | undefined> {
  const { token, cookieValue } = newCsrfToken(secrets().authSecret);
  const signIn = new Request(new URL(`/api/auth/signin/${OIDC_PROVIDER_ID}`, publicUrl), {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: `${currentAuthCookies().csrfToken.name}=${encodeURIComponent(cookieValue)}` },
    body: new URLSearchParams({ csrfToken: token, callbackUrl: accountPagePath(session) }).toString(),
  });
  const answer = await nextAuthResponse(signIn, ["signin", OIDC_PROVIDER_ID], authOptions(), publicUrl);
  const location = answer.headers.get("location");
  const provider = location ? urlOf(location) : null;
  // next-auth's own error page is on this site: only a redirect elsewhere goes to the provider.
  const state = provider && provider.origin !== new URL(publicUrl).origin ? provider.searchParams.get("state") : null;
  if (!location || !state) return undefined;
  await recordOidcLinkProof({ accountId: session.account.id, sessionId: session.sessionId }, state, now);
  const headers = new Headers({ location, "cache-control": "no-store" });
  for (const cookie of answer.headers.getSetCookie()) headers.append("set-cookie", cookie);
  return new Response(null, { status: 303, headers });
}

/** URL.parse, which Node 20 before 20.18 lacks. */
function urlOf(address: string): URL | null {
  try {
    return new URL(address);
  } catch {
    return null;
  }
}
