import { describe, expect, it } from "vitest";
import { GET as nextAuthGet, POST as nextAuthPost } from "@/app/api/auth/[...nextauth]/route";
import { POST as passwordPost } from "@/app/(auth)/connexion/mot-de-passe/route";
import { authCookies } from "@/server/auth/cookie-names";
import { newCsrfToken } from "@/server/auth/csrf-token";
import { startSignIn } from "@/server/auth/start-sign-in";
import { env } from "@/server/env";
import { secrets } from "@/server/secrets";
import { useTestDatabase } from "../../setup/test-database";
import { inRequestScope } from "../../setup/next-headers-scope";
import { anAccount, anAddress, PASSWORD } from "./helpers";

useTestDatabase();

/**
 * Signing in where the portal really is. Without APP_URL (a demo), the code step used to send
 * the browser to http://localhost:3000 whatever address it was on (next-auth's NEXTAUTH_URL), so
 * `PORT=4000 npm start` or http://127.0.0.1:3000 could not sign in. Now the redirect follows a
 * loopback address the person used, and only that: a Host naming another machine (DNS
 * rebinding) never ends up in a redirect. These are browser-shaped posts with an Origin and no
 * Sec-Fetch-Site, as older Safari sends them.
 */
type Post = { host: string; origin: string | null; fields: Record<string, string>; cookie?: string };

function formPost(path: string, { host, origin, fields, cookie }: Post): Request {
  const headers = new Headers({ host, "content-type": "application/x-www-form-urlencoded", "x-forwarded-for": anAddress() });
  if (origin) headers.set("origin", origin);
  if (cookie) headers.set("cookie", cookie);
  return new Request(`http://${host}${path}`, { method: "POST", headers, body: new URLSearchParams(fields) });
}

/** The code step's post, after a password step that left its challenge and CSRF cookies. */
async function codeStep(host: string, origin: string | null, code?: (account: Awaited<ReturnType<typeof anAccount>>) => string) {
  const account = await anAccount();
  const started = await startSignIn({ email: account.email, password: PASSWORD, address: anAddress(), now: new Date() });
  if (!started.ok) throw new Error("password step refused");
  const names = authCookies(env().APP_ENV === "production");
  const csrf = newCsrfToken(secrets().authSecret);
  const request = formPost("/api/auth/callback/credentials", {
    host,
    origin,
    cookie: `${names.challenge.name}=${started.challengeId}; ${names.csrfToken.name}=${encodeURIComponent(csrf.cookieValue)}`,
    fields: { csrfToken: csrf.token, callbackUrl: "/", code: code ? code(account) : account.code(new Date()) },
  });
  const response = await inRequestScope(request, () => nextAuthPost(request as never, { params: Promise.resolve({ nextauth: ["callback", "credentials"] }) }));
  return { response, sessionCookieName: names.sessionToken.name };
}

describe("signing in on the address the person used (no APP_URL)", () => {
  it.each([
    ["127.0.0.1 on the default port", "127.0.0.1:3000"],
    ["localhost on another port", "localhost:4000"],
    ["127.0.0.1 on another port", "127.0.0.1:4000"],
  ])("%s: the code step lands back there, signed in", async (_, host) => {
    expect(env().APP_URL_SET).toBe(false);
    const { response, sessionCookieName } = await codeStep(host, `http://${host}`);
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe(`http://${host}/`);
    expect(response.headers.getSetCookie().some((cookie) => cookie.startsWith(`${sessionCookieName}=`))).toBe(true);
  });

  it("a wrong code goes to the error page on that same address", async () => {
    const { response } = await codeStep("127.0.0.1:4000", "http://127.0.0.1:4000", () => "000000");
    expect(response.status).toBe(302);
    const first = response.headers.get("location") ?? "";
    expect(first).toMatch(/^http:\/\/127\.0\.0\.1:4000\/api\/auth\/error\?/);
    // next-auth's error endpoint then sends the browser to our error page (a path: same address).
    const follow = new Request(first, { headers: { host: "127.0.0.1:4000" } });
    const page = await inRequestScope(follow, () => nextAuthGet(follow as never, { params: Promise.resolve({ nextauth: ["error"] }) }));
    expect(page.status).toBe(302);
    expect(page.headers.get("location")).toBe("/connexion/erreur?error=CodeRejected");
  });

  it("never redirects to a Host that is not a loopback address (DNS rebinding, forged headers)", async () => {
    const { response } = await codeStep("evil.example:4000", "http://evil.example:4000");
    expect(response.headers.get("location")).toBe(`${env().APP_URL}/`);
    const forwarded = formPost("/api/auth/callback/credentials", { host: "127.0.0.1:4000", origin: "http://127.0.0.1:4000", fields: {} });
    forwarded.headers.set("x-forwarded-host", "evil.example");
    const answer = await inRequestScope(forwarded, () => nextAuthPost(forwarded as never, { params: Promise.resolve({ nextauth: ["callback", "credentials"] }) }));
    expect(answer.headers.get("location") ?? "").not.toContain("evil.example");
  });
});

describe("a form post with an Origin and no Sec-Fetch-Site (older Safari)", () => {
  it("is accepted from the page's own origin, on any loopback address and port", async () => {
    const account = await anAccount();
    for (const host of ["127.0.0.1:4000", "localhost:3000"]) {
      const request = formPost("/connexion/mot-de-passe", { host, origin: `http://${host}`, fields: { email: account.email, password: PASSWORD } });
      const response = await inRequestScope(request, () => passwordPost(request));
      expect(response.status).toBe(303);
      expect(response.headers.get("location")).toBe("/connexion/code");
    }
  });

  it("is refused from another origin, or with none at all", async () => {
    const account = await anAccount();
    for (const origin of ["https://evil.example", "http://127.0.0.1:4001", "null", null]) {
      const request = formPost("/connexion/mot-de-passe", { host: "127.0.0.1:4000", origin, fields: { email: account.email, password: PASSWORD } });
      const response = await inRequestScope(request, () => passwordPost(request));
      expect(response.status).toBe(403);
    }
    const { response } = await codeStep("127.0.0.1:4000", "https://evil.example");
    expect(response.status).toBe(403);
  });
});
