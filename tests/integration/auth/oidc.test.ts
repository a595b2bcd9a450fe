import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { recordOidcLinkProof } from "@/server/accounts/oidc-link-proof";
import { recoverAccount } from "@/server/accounts/recover-account";
import { oidcProviderName, oidcProviders } from "@/server/auth/oidc";
import { resolveOidcSignIn } from "@/server/auth/oidc-sign-in";
import { setAccountDisabled } from "@/server/db/account-store";
import { parseEnv } from "@/server/env";
import { useTestDatabase } from "../../setup/test-database";
import { anAccount } from "./helpers";

useTestDatabase();

const ISSUER = "https://idp.example/realms/sante";

/** A link made as « Mon compte » makes it: its flow's proof recorded first (oidc-link.test.ts goes through the routes). */
async function link(accountId: string, sub: string) {
  const signedIn = { accountId, sessionId: randomUUID(), state: randomUUID() };
  await recordOidcLinkProof(signedIn, signedIn.state, new Date());
  return resolveOidcSignIn({ issuer: ISSUER, profile: { sub }, signedIn, now: new Date() });
}

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

  it("never maps an identity by its e-mail, verified or not", async () => {
    const account = await anAccount();
    const profile = { sub: "stranger", email: account.email, email_verified: true, acr: "eidas2" };
    expect(await resolveOidcSignIn({ issuer: ISSUER, profile, now: new Date() })).toEqual({ kind: "refused" });
  });

  it("binds an identity to the signed-in account once, then signs in by issuer and subject", async () => {
    const account = await anAccount();
    const sub = `sub-${account.id}`;
    expect(await link(account.id, sub)).toMatchObject({ kind: "bound", account: { id: account.id } });
    // Another signed-in account cannot take the same identity over.
    const other = await anAccount();
    expect(await link(other.id, sub)).toMatchObject({ kind: "second-factor", account: { id: account.id } });
    // The same subject at another issuer is another person.
    expect(await resolveOidcSignIn({ issuer: "https://other-idp.example", profile: { sub }, now: new Date() })).toEqual({ kind: "refused" });
  });

  it.each([
    [undefined, "second-factor"],
    ["eidas1", "second-factor"],
    ["eidas2", "signed-in"],
    ["eidas3", "signed-in"],
  ])("with acr %s, asks the portal's second factor or not (%s)", async (acr, kind) => {
    const account = await anAccount();
    const sub = `sub-${account.id}`;
    await link(account.id, sub);
    expect(await resolveOidcSignIn({ issuer: ISSUER, profile: { sub, acr }, now: new Date() })).toMatchObject({ kind });
  });

  it("no longer signs in once the assistance put the account back « à activer »: an identity of eIDAS substantial would need no second factor", async () => {
    const account = await anAccount();
    const sub = `sub-${account.id}`;
    await link(account.id, sub);
    const recovered = await recoverAccount({ kind: "patient", resourceId: account.fhirRef.slice("Patient/".length), operator: "Test Assistance", now: new Date() });
    expect(recovered.ok).toBe(true);
    expect(await resolveOidcSignIn({ issuer: ISSUER, profile: { sub, acr: "eidas3" }, now: new Date() })).toEqual({ kind: "refused" });
  });

  it("refuses a disabled account", async () => {
    const account = await anAccount();
    const sub = `sub-${account.id}`;
    await link(account.id, sub);
    await setAccountDisabled(account.id, true);
    expect(await resolveOidcSignIn({ issuer: ISSUER, profile: { sub, acr: "eidas2" }, now: new Date() })).toEqual({ kind: "refused" });
  });
});
