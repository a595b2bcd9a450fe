import { describe, expect, it } from "vitest";
import { accountForOidcProfile, oidcProviderName, oidcProviders } from "@/server/auth/oidc";
import { setAccountDisabled } from "@/server/db/account-store";
import { parseEnv } from "@/server/env";
import { useTestDatabase } from "../../setup/test-database";
import { anAccount } from "./helpers";

useTestDatabase();

describe("OpenID Connect provider", () => {
  it("is off unless its three variables are set", () => {
    expect(oidcProviders(parseEnv({}))).toEqual([]);
    expect(oidcProviderName(parseEnv({}))).toBeUndefined();
    const on = parseEnv({ OIDC_ISSUER: "https://idp.example/realms/sante", OIDC_CLIENT_ID: "portal", OIDC_CLIENT_SECRET: "s3cret" });
    expect(oidcProviders(on)).toEqual([
      expect.objectContaining({
        id: "oidc",
        type: "oauth",
        wellKnown: "https://idp.example/realms/sante/.well-known/openid-configuration",
        checks: ["pkce", "state", "nonce"],
      }),
    ]);
    expect(oidcProviderName(on)).toBe("FranceConnect");
  });

  it("maps a verified email to the account with that address, whatever its case", async () => {
    const account = await anAccount();
    expect(await accountForOidcProfile({ sub: "abc", email: account.email.toUpperCase(), email_verified: true })).toMatchObject({ id: account.id });
  });

  it("refuses an unverified or missing email, an address without an account, and a disabled account", async () => {
    const account = await anAccount();
    expect(await accountForOidcProfile({ sub: "abc", email: account.email })).toBeUndefined();
    expect(await accountForOidcProfile({ sub: "abc", email: account.email, email_verified: false })).toBeUndefined();
    expect(await accountForOidcProfile({ sub: "abc", email_verified: true })).toBeUndefined();
    expect(await accountForOidcProfile({ sub: "abc", email: `x-${account.email}`, email_verified: true })).toBeUndefined();
    await setAccountDisabled(account.id, true);
    expect(await accountForOidcProfile({ sub: "abc", email: account.email, email_verified: true })).toBeUndefined();
  });
});
