import { beforeEach, describe, expect, it, vi } from "vitest";
import * as oidcPage from "@/pages/connexion/oidc";
import { newCsrfToken } from "@/server/auth/csrf-token";
import { currentAuthCookies } from "@/server/auth/session-token";
import { secrets } from "@/server/secrets";
import { useTestDatabase } from "../../setup/test-database";
import { servePage } from "./pages-route";

useTestDatabase();

/** Whether the test's environment names an identity provider (the tests' own has none). */
const provider = vi.hoisted(() => ({ name: undefined as string | undefined }));
vi.mock("@/server/auth/oidc", async (original) => ({ ...(await original<typeof import("@/server/auth/oidc")>()), oidcProviderName: () => provider.name }));

beforeEach(() => {
  provider.name = "FranceConnect";
});

/**
 * /connexion/oidc, served by the Pages Router without runtime JavaScript: the button that posts
 * next-auth's CSRF token to its OpenID Connect sign-in, the token read from the cookie
 * /connexion/oidc/demarrer set.
 */
describe("/connexion/oidc (Pages Router)", () => {
  it("posts this browser's CSRF token, its cookie read URL-decoded as cookies() did, to next-auth's sign-in for the provider", async () => {
    const { token, cookieValue } = newCsrfToken(secrets().authSecret);
    const cookie = `${currentAuthCookies().csrfToken.name}=${encodeURIComponent(cookieValue)}`;
    const answer = await servePage(oidcPage, "/connexion/oidc", { cookie });
    expect(answer.status).toBe(200);
    expect(answer.html).toContain('action="/api/auth/signin/oidc"');
    expect(answer.html).toContain(`name="csrfToken" value="${token}"`);
    // Back from the provider, where every sign-in lands (the page opened signed out, a security notice).
    expect(answer.html).toContain('name="callbackUrl" value="/connexion/suite"');
    expect(answer.html).toContain("FranceConnect");
    expect(answer.html).not.toContain(cookieValue);
  });

  it("sends a browser without a genuine CSRF cookie back to sign in", async () => {
    const name = currentAuthCookies().csrfToken.name;
    for (const cookie of [undefined, `${name}=abc%7Cdef`, `${name}=${"a".repeat(64)}`, `${name}=%E0%A4%A`]) {
      expect(await servePage(oidcPage, "/connexion/oidc", { cookie }), cookie).toEqual({ status: 307, redirect: "/connexion" });
    }
  });

  it("is « Page introuvable » without a provider configured, and answers an App Router prefetch 204", async () => {
    const { cookieValue } = newCsrfToken(secrets().authSecret);
    const cookie = `${currentAuthCookies().csrfToken.name}=${encodeURIComponent(cookieValue)}`;
    expect(await servePage(oidcPage, "/connexion/oidc", { cookie, headers: { rsc: "1", "next-router-prefetch": "1" } })).toEqual({ status: 204, ended: true });
    provider.name = undefined;
    const answer = await servePage(oidcPage, "/connexion/oidc", { cookie });
    expect(answer.status).toBe(404);
    expect(answer.html).not.toContain("<form");
  });
});
