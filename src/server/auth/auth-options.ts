import "@/server/server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { headers } from "next/headers";
import { revokeSession } from "../db/session-store";
import { env } from "../env";
import { clientAddress, userAgentOf } from "../http/client-address";
import { secrets } from "../secrets";
import { codeStep } from "./code-step";
import { currentAuthCookies, sessionIdFromCookies } from "./current-session";
import { WayInRemoved } from "./hold-way-in";
import { openSession } from "./open-session";
import { OIDC_PROVIDER_ID, oidcIssuer, oidcProviders } from "./oidc";
import { resolveOidcSignIn } from "./oidc-sign-in";
import { startOidcSecondFactor } from "./oidc-second-factor";
import { getCurrentSession } from "./current-session";
import { ABSOLUTE_TIMEOUT_MS } from "./session-policy";

/**
 * next-auth, configured so that its JWT carries nothing but the id of a server session row
 * ({ sid }). Whether that session still counts is decided by checkSession on every request,
 * never by the JWT alone.
 *
 * Sign-in with a password has two steps: the password page (a server action, see
 * start-sign-in.ts) leaves a challenge cookie; the code page posts to this Credentials
 * provider, which checks the code against that challenge and opens the session.
 *
 * `oidcState`: the `state` of an OpenID Connect callback's address, which next-auth checks
 * against this browser's cookie before any callback below runs; a link to the signed-in account
 * needs the proof recorded with it (oidc-link-proof.ts).
 */
export function authOptions(request: { oidcState?: string } = {}): NextAuthOptions {
  const e = env();
  // next-auth's origin is given per request (next-auth-request.ts), not by NEXTAUTH_URL.
  const c = currentAuthCookies();
  const maxAge = ABSOLUTE_TIMEOUT_MS / 1000;
  return {
    secret: secrets().authSecret,
    session: { strategy: "jwt", maxAge },
    jwt: { maxAge },
    useSecureCookies: e.APP_ENV === "production",
    cookies: {
      sessionToken: c.sessionToken,
      callbackUrl: c.callbackUrl,
      csrfToken: c.csrfToken,
      pkceCodeVerifier: c.pkceCodeVerifier,
      state: c.state,
      nonce: c.nonce,
    },
    pages: { signIn: "/connexion", error: "/connexion/erreur", signOut: "/" },
    providers: [
      CredentialsProvider({
        id: "credentials",
        name: "Code de vérification",
        credentials: { code: { label: "Code", type: "text" }, kind: { label: "Type", type: "text" } },
        async authorize(credentials) {
          return { id: (await codeStep(credentials)).sessionId };
        },
      }),
      ...oidcProviders(e),
    ],
    callbacks: {
      async signIn({ account, profile }) {
        if (account?.type === "credentials") return true;
        if (account?.provider === OIDC_PROVIDER_ID) {
          const issuer = oidcIssuer(e);
          if (!issuer) return false;
          const current = await getCurrentSession();
          const now = new Date();
          const signedIn = current ? { accountId: current.account.id, sessionId: current.sessionId, state: request.oidcState } : undefined;
          const requestHeaders = await headers();
          const trail = { address: clientAddress(requestHeaders), userAgent: userAgentOf(requestHeaders) };
          const outcome = await resolveOidcSignIn({ issuer, profile, signedIn, now, trail });
          if (outcome.kind === "refused") return false;
          // Her identity, bound to a space she closed: the sign-in page says so and how to reopen it.
          if (outcome.kind === "closed") return "/connexion?erreur=espace-clos";
          const accountPage = outcome.account.kind === "patient" ? "/espace/compte" : "/pro/compte";
          // Signed in, but not started from « Mon compte » with the current factor: nothing bound.
          if (outcome.kind === "link-unproven") return `${accountPage}?erreur=oidc-lien`;
          // Bound to the signed-in account (its trail row and the owner's notice with it): nothing else changes, no new session.
          if (outcome.kind === "bound") return `${accountPage}?ok=oidc`;
          // One factor only (low assurance): the portal's own code finishes the sign-in.
          if (outcome.kind === "second-factor") return startOidcSecondFactor(outcome.account.id, outcome.identityRef);
          return true;
        }
        return false;
      },
      async jwt({ token, user, account, profile }) {
        if (account?.type === "credentials" && user) return { sid: user.id };
        if (account?.provider === OIDC_PROVIDER_ID) {
          const issuer = oidcIssuer(e);
          const outcome = issuer ? await resolveOidcSignIn({ issuer, profile, now: new Date() }) : undefined;
          if (outcome?.kind !== "signed-in") throw new Error("AccessDenied");
          const mapped = outcome.account;
          const sid = await openSession({
            account: mapped,
            now: new Date(),
            userAgent: userAgentOf(await headers()),
            address: clientAddress(await headers()),
            previousSessionId: await sessionIdFromCookies(),
            openedWith: { method: "oidc", identityRef: outcome.identityRef },
          }).catch((error: unknown) => {
            // Unlinked from « Mon compte » while this sign-in was under way (hold-way-in.ts).
            throw error instanceof WayInRemoved ? new Error("AccessDenied") : error;
          });
          return { sid };
        }
        // Anything else next-auth would carry (name, email, picture) stays out of the cookie.
        return typeof token.sid === "string" ? { sid: token.sid } : {};
      },
      async session({ session }) {
        // Pages read the session with getCurrentSession(); next-auth's endpoint tells nothing.
        return { expires: session.expires };
      },
    },
    events: {
      async signOut({ token }) {
        if (typeof token?.sid === "string") await revokeSession(token.sid, new Date());
      },
    },
  };
}
