import "server-only";
import type { OAuthConfig } from "next-auth/providers/oauth";
import { z } from "zod";
import { findAccountByEmail, type AccountSummary } from "../db/account-store";
import type { Env } from "../env";

/**
 * An optional OpenID Connect provider (the shape of FranceConnect or Pro Santé Connect),
 * switched on by OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET; off by default.
 *
 * Mapping to an account: the provider's `email` claim must equal an existing account's address
 * and the provider must assert `email_verified: true`; otherwise the sign-in is refused (an
 * unverified address would let anyone claim anyone's account). No account is created. The
 * provider is trusted as the second factor: it already authenticated the person strongly, so
 * no TOTP code is asked. A disabled account is refused as with a password.
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
      authorization: { params: { scope: "openid email profile" } },
      idToken: true,
      checks: ["pkce", "state", "nonce"],
      profile: (profile) => ({ id: profile.sub, email: profile.email ?? null, name: profile.name ?? null }),
    },
  ];
}

const verifiedEmail = z.object({ email: z.email(), email_verified: z.literal(true) });

/** The account an OpenID Connect identity maps to, if it may sign in. */
export async function accountForOidcProfile(profile: unknown): Promise<AccountSummary | undefined> {
  const parsed = verifiedEmail.safeParse(profile);
  if (!parsed.success) return undefined;
  const account = await findAccountByEmail(parsed.data.email);
  return account && !account.disabled ? account : undefined;
}

/** The provider's display name when it is switched on, for the sign-in page. */
export function oidcProviderName(e: Env): string | undefined {
  return oidcProviders(e).length > 0 ? e.OIDC_NAME : undefined;
}
