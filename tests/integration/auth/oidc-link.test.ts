import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as startOnSignInPage } from "@/app/(auth)/connexion/oidc/demarrer/route";
import { POST as linkFromAccount } from "@/app/compte/oidc/lier/route";
import { openSession } from "@/server/auth/open-session";
import { currentAuthCookies } from "@/server/auth/session-token";
import { database } from "@/server/db/client";
import { accountIdForOidcIdentity } from "@/server/db/oidc-identity-store";
import * as patientAccount from "@/pages/espace/compte";
import { aPatient } from "@/lib/fhir/builders/people";
import { systemRepository } from "@/server/fhir/repository";
import { useTestDatabase } from "../../setup/test-database";
import { sessionCookie, signIn as signedInAs } from "../fhir-api/http";
import { servePage } from "../pages/pages-route";
import { anAccount, anAddress } from "./helpers";
import { OIDC_CLIENT, atProvider, closeProvider, connectFromSignInPage, issuer, location, oidcRoutes, sub } from "./oidc-test-provider";
import { signedInBrowser } from "./signed-in-browser";
import { Browser, startTestServer } from "./test-server";

/**
 * Linking an OpenID Connect identity to the signed-in account, through the routes, with a
 * provider of its own on a socket (oidc-test-provider.ts). A linked identity signs in, alone at
 * a strong level: an open session (a computer left signed in, a stolen cookie) must not be
 * enough to bind one. Before, connecting with the provider from
 * any signed-in session bound the identity, so an intruder bound their own and came back with
 * it, without the portal's second factor.
 */
// Read once by env(), which nothing has called yet: this file runs with modules of its own (vitest.config.ts).
process.env.OIDC_ISSUER = issuer;
process.env.OIDC_CLIENT_ID = OIDC_CLIENT.id;
process.env.OIDC_CLIENT_SECRET = OIDC_CLIENT.secret;

useTestDatabase();

let server: Awaited<ReturnType<typeof startTestServer>>;
beforeAll(async () => {
  server = await startTestServer({
    "/compte/oidc/lier": linkFromAccount,
    "/connexion/oidc/demarrer": startOnSignInPage,
    ...oidcRoutes,
  });
});
afterAll(async () => {
  await server.close();
  await closeProvider();
});

type TestAccount = Awaited<ReturnType<typeof anAccount>>;

/** « Lier mon identité » in « Mon compte »: the form's code, then the provider, then the callback. */
async function linkFromAccountPage(browser: Browser, sub: string, code?: string) {
  const started = await browser.post("/compte/oidc/lier", code === undefined ? {} : { code });
  if (!location(started).startsWith(issuer)) return { started };
  return { started, back: await browser.get(atProvider(location(started), sub)) };
}

async function changesOf(account: TestAccount): Promise<{ kind: string; detail: string | null }[]> {
  const { sql } = await database();
  return sql.query<{ kind: string; detail: string | null }>("SELECT kind, detail FROM account_event WHERE account_id = $1 AND kind IN ('account-code-failed', 'oidc-linked') ORDER BY at", [account.id]);
}

describe("linking an OpenID Connect identity to the signed-in account", () => {
  it("an open session alone binds none: the sign-in page's flow, while signed in, links nothing, and that identity then signs in nowhere", async () => {
    const account = await anAccount();
    const intruder = await signedInBrowser(server.base, account);
    const theirs = sub();
    const back = await connectFromSignInPage(intruder, theirs, "eidas2");
    expect(location(back)).toBe("/espace/compte?erreur=oidc-lien");
    expect(await accountIdForOidcIdentity(issuer, theirs)).toBeUndefined();
    // Later, from anywhere, the intruder's identity opens no session.
    const elsewhere = new Browser(server.base, anAddress());
    expect(location(await connectFromSignInPage(elsewhere, theirs, "eidas2"))).toMatch(/\/api\/auth\/error\?error=AccessDenied$/);
    expect(elsewhere.jar.has(currentAuthCookies().sessionToken.name)).toBe(false);
  });

  it("« Mon compte » asks the code before the provider: none, or a wrong one (recorded), sends no one there", async () => {
    const account = await anAccount();
    const browser = await signedInBrowser(server.base, account);
    const missing = await linkFromAccountPage(browser, sub());
    expect(location(missing.started)).toBe("/espace/compte?erreur=oidc-facteur-manquant");
    const wrong = await linkFromAccountPage(browser, sub(), "000000");
    expect(location(wrong.started)).toBe("/espace/compte?erreur=oidc-facteur");
    expect(browser.jar.has(currentAuthCookies().state.name)).toBe(false);
    expect(await changesOf(account)).toEqual([{ kind: "account-code-failed", detail: "oidc-link" }]);
  });

  it("with a code of the app, that one flow links the identity, recorded; the proof serves no other flow nor a replayed callback", async () => {
    const account = await anAccount();
    const owner = await signedInBrowser(server.base, account);
    const mine = sub();
    const started = await owner.post("/compte/oidc/lier", { code: account.code(new Date()) });
    expect(location(started).startsWith(`${issuer}/authorize?`)).toBe(true);
    const callback = atProvider(location(started), mine);
    const cookiesOfTheFlow = new Map(owner.jar);

    // Meanwhile, the same session elsewhere (a stolen cookie) starts its own flow: no proof for it.
    const intruder = new Browser(server.base, anAddress());
    for (const [name, value] of owner.jar) if (name === currentAuthCookies().sessionToken.name) intruder.jar.set(name, value);
    const theirs = sub();
    expect(location(await connectFromSignInPage(intruder, theirs, "eidas2"))).toBe("/espace/compte?erreur=oidc-lien");

    expect(location(await owner.get(callback))).toBe("/espace/compte?ok=oidc");
    expect(await accountIdForOidcIdentity(issuer, mine)).toBe(account.id);
    expect(await changesOf(account)).toEqual([{ kind: "oidc-linked", detail: null }]);
    // The linked identity signs in (a strong level: no portal code asked).
    const signIn = new Browser(server.base, anAddress());
    expect(location(await connectFromSignInPage(signIn, mine, "eidas2"))).toMatch(/\/connexion\/suite$/);
    expect(signIn.jar.has(currentAuthCookies().sessionToken.name)).toBe(true);

    // The owner's callback replayed, with the flow's cookies and another identity: nothing bound.
    const replay = new Browser(server.base, anAddress());
    for (const [name, value] of cookiesOfTheFlow) replay.jar.set(name, value);
    expect(location(await replay.get(atProvider(location(started), theirs)))).toBe("/espace/compte?erreur=oidc-lien");
    expect(await accountIdForOidcIdentity(issuer, theirs)).toBeUndefined();
  });

  it("a session that proved the factor at sign-in moments ago links one identity without a code, once", async () => {
    const account = await anAccount();
    const browser = new Browser(server.base, anAddress());
    const sessionId = await openSession({ account, openedWith: { method: "password" }, now: new Date(), userAgent: "vitest", secondFactorAt: new Date() });
    const [name, value] = (await sessionCookie(sessionId)).split("=");
    browser.jar.set(name!, value!);
    const first = sub();
    expect(location((await linkFromAccountPage(browser, first)).back!)).toBe("/espace/compte?ok=oidc");
    expect(await accountIdForOidcIdentity(issuer, first)).toBe(account.id);
    expect(location((await linkFromAccountPage(browser, sub())).started)).toBe("/espace/compte?erreur=oidc-facteur-manquant");
  });

  it("« Mon compte » offers the link with a labelled code field, marked and described by the refusal when the code was missing or wrong", async () => {
    const patient = (await (await systemRepository("oidc-link-tests")).create(aPatient({ given: "Lina", family: "Lien", birthDate: "1990-01-02" }))).id!;
    const { cookie } = await signedInAs(`Patient/${patient}`, { name: "Lina Lien" });
    const formOf = (html: string) => html.match(/<form[^>]*action="\/compte\/oidc\/lier"[^>]*>([\s\S]*?)<\/form>/)?.[1] ?? "";
    const codeOf = (html: string) => formOf(html).match(/<input[^>]*name="code"[^>]*>/)?.[0] ?? "";
    const plain = (await servePage(patientAccount, "/espace/compte", { cookie })).html!;
    expect(formOf(plain)).toMatch(/<label for="oidc-code"[^>]*>Code de votre application \(ou code de secours\)/);
    expect(formOf(plain)).toContain("Lier mon identité FranceConnect");
    expect(codeOf(plain)).toContain('id="oidc-code"');
    expect(codeOf(plain)).not.toContain("aria-invalid");
    for (const [code, words] of [
      ["oidc-facteur", "Le code ne correspond pas : aucune identité numérique n&#x27;a été liée"],
      ["oidc-facteur-manquant", "Pour lier une identité numérique, saisissez d&#x27;abord un code"],
    ] as const) {
      const html = (await servePage(patientAccount, `/espace/compte?erreur=${code}`, { cookie })).html!;
      const field = codeOf(html);
      expect(field, code).toContain('aria-invalid="true"');
      expect(field, code).toMatch(/aria-describedby="[^"]*oidc-code-error/);
      expect(html, code).toMatch(new RegExp(`<p id="oidc-code-error"[^>]*><span class="sr-only">[^<]*</span>${words}[^<]*</p>`));
    }
    // Back from a flow not started here: the notice says where to start, no field is at fault.
    const unproven = (await servePage(patientAccount, "/espace/compte?erreur=oidc-lien", { cookie })).html!;
    expect(unproven).toContain("Aucune identité numérique n&#x27;a été liée");
    expect(codeOf(unproven)).not.toContain("aria-invalid");
  });
});
