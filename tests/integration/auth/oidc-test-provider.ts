import { createHash, generateKeyPairSync, randomBytes, sign } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import type { NextRequest } from "next/server";
import { expect } from "vitest";
import { GET as nextAuthGet, POST as nextAuthPost } from "@/app/api/auth/[...nextauth]/route";
import { currentAuthCookies } from "@/server/auth/session-token";
import type { Browser } from "./test-server";

/**
 * An OpenID Connect provider of its own on a socket (discovery, keys, token endpoint; ID tokens
 * signed RS256), shared by the tests that link an identity and those that unlink one. Each such
 * file switches it on itself, at its top, before anything calls env():
 * `process.env.OIDC_ISSUER = issuer` and the two others from OIDC_CLIENT. Written there, not
 * here: vitest.config.ts finds the files that set a variable by reading them, and runs those
 * with modules of their own (env() is read once per process); set here, they ran among the
 * shared ones, where env() had been read already, and no provider was configured.
 */
export const OIDC_CLIENT = { id: "portail", secret: "secret-du-portail" } as const;
const CLIENT_ID = OIDC_CLIENT.id;
const { publicKey, privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
const b64 = (data: Buffer | string) => Buffer.from(data).toString("base64url");

/** What the person proved at the provider, by authorization code. */
const grants = new Map<string, { sub: string; nonce: string | null; acr?: string }>();
const provider = http.createServer((req, res) => {
  const url = new URL(req.url ?? "/", issuer);
  const json = (value: unknown) => res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(value));
  if (url.pathname === "/.well-known/openid-configuration") {
    json({
      issuer,
      authorization_endpoint: `${issuer}/authorize`,
      token_endpoint: `${issuer}/token`,
      jwks_uri: `${issuer}/jwks`,
      response_types_supported: ["code"],
      subject_types_supported: ["public"],
      id_token_signing_alg_values_supported: ["RS256"],
    });
  } else if (url.pathname === "/jwks") {
    json({ keys: [{ ...publicKey.export({ format: "jwk" }), kid: "k1", alg: "RS256", use: "sig" }] });
  } else if (url.pathname === "/token") {
    let body = "";
    req.on("data", (chunk: Buffer) => (body += chunk.toString()));
    req.on("end", () => {
      const grant = grants.get(new URLSearchParams(body).get("code") ?? "");
      if (!grant) return void res.writeHead(400, { "content-type": "application/json" }).end(JSON.stringify({ error: "invalid_grant" }));
      grants.delete(new URLSearchParams(body).get("code")!);
      const accessToken = randomBytes(16).toString("hex");
      const now = Math.floor(Date.now() / 1000);
      const claims = { iss: issuer, sub: grant.sub, aud: CLIENT_ID, iat: now, exp: now + 300, nonce: grant.nonce ?? undefined, acr: grant.acr, at_hash: b64(createHash("sha256").update(accessToken).digest().subarray(0, 16)) };
      const signingInput = `${b64(JSON.stringify({ alg: "RS256", kid: "k1", typ: "JWT" }))}.${b64(JSON.stringify(claims))}`;
      json({ access_token: accessToken, token_type: "Bearer", expires_in: 300, id_token: `${signingInput}.${b64(sign("sha256", Buffer.from(signingInput), privateKey))}` });
    });
  } else res.writeHead(404).end();
});
await new Promise<void>((resolve) => provider.listen(0, "127.0.0.1", resolve));
export const issuer = `http://127.0.0.1:${(provider.address() as AddressInfo).port}`;

export const closeProvider = () => new Promise<void>((resolve) => provider.close(() => resolve()));

/** next-auth's catch-all route, for one of its paths (`["callback", "oidc"]`). */
export const nextAuth = (segments: string[]) => (request: Request) =>
  (request.method === "GET" ? nextAuthGet : nextAuthPost)(request as NextRequest, { params: Promise.resolve({ nextauth: segments }) });

/** The routes the provider's flows go through, for startTestServer. */
export const oidcRoutes = {
  "/api/auth/signin/oidc": nextAuth(["signin", "oidc"]),
  "/api/auth/callback/oidc": nextAuth(["callback", "oidc"]),
};

export const location = (answer: Response) => answer.headers.get("location") ?? "";

/** At the provider: the person proves `sub`; back comes the callback's address for this flow. */
export function atProvider(authorization: string, sub: string, acr?: string): string {
  const url = new URL(authorization);
  expect(url.origin + url.pathname).toBe(`${issuer}/authorize`);
  const code = randomBytes(12).toString("hex");
  grants.set(code, { sub, nonce: url.searchParams.get("nonce"), acr });
  return `/api/auth/callback/oidc?code=${code}&state=${url.searchParams.get("state")}`;
}

/** The sign-in page's button (the server must also route /connexion/oidc/demarrer): next-auth's own flow, no proof asked. */
export async function connectFromSignInPage(browser: Browser, sub: string, acr?: string): Promise<Response> {
  await browser.post("/connexion/oidc/demarrer", {});
  const csrf = browser.jar.get(currentAuthCookies().csrfToken.name)!;
  const redirect = await browser.post("/api/auth/signin/oidc", { csrfToken: decodeURIComponent(csrf).split("|")[0]!, callbackUrl: "/connexion/suite" });
  return browser.get(atProvider(location(redirect), sub, acr));
}

export const sub = () => `sub-${randomBytes(8).toString("hex")}`;
