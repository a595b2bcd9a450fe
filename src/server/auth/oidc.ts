import "@/server/server-only";
import type { OAuthConfig } from "next-auth/providers/oauth";
import type { Env } from "../env";

/**
 * An optional OpenID Connect provider (the shape of FranceConnect or Pro Santé Connect),
 * switched on by OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET; off by default.
 *
 * Mapping to an account is by the provider's issuer and subject, bound by the owner while
 * signed in, never by e-mail; the portal's own second factor is asked unless the provider
 * asserts a substantial or high assurance level (see oidc-sign-in.ts). No account is created.
 */
export const OIDC_PROVIDER_ID = "oidc";

type OidcProfile = { sub: string; email?: string; email_verified?: boolean; name?: string };

export function oidcProviders(e: Env): OAuthConfig<OidcProfile>[] {
  if (!e.OIDC_ISSUER || !e.OIDC_CLIENT_ID || !e.OIDC_CLIENT_SECRET) return [];
  const issuer = e.OIDC_ISSUER.replace(/\/$/, "");
  return [
    {
      id: OIDC_PROVIDER_ID,
      name: e.OIDC_NAME,
      type: "oauth",
      wellKnown: `${issuer}/.well-known/openid-configuration`,
      issuer,
      clientId: e.OIDC_CLIENT_ID,
      clientSecret: e.OIDC_CLIENT_SECRET,
      // FranceConnect-shaped providers answer `acr` with the level they reached when asked for it.
      authorization: { params: { scope: "openid email profile", acr_values: "eidas2" } },
      idToken: true,
      checks: ["pkce", "state", "nonce"],
      profile: (profile) => ({ id: profile.sub, email: profile.email ?? null, name: profile.name ?? null }),
    },
  ];
}

/** The issuer identities are bound under: the configured one, without a trailing slash. */
export function oidcIssuer(e: Env): string | undefined {
  return e.OIDC_ISSUER?.replace(/\/$/, "");
}

/** The provider's display name when it is switched on, for the sign-in page. */
export function oidcProviderName(e: Env): string | undefined {
  return oidcProviders(e).length > 0 ? e.OIDC_NAME : undefined;
}
