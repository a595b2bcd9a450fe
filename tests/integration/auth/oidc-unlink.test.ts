import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as startOnSignInPage } from "@/app/(auth)/connexion/oidc/demarrer/route";
import { POST as unlink } from "@/app/compte/oidc/delier/route";
import { totpCode } from "@/server/auth/totp";
import { currentAuthCookies } from "@/server/auth/session-token";
import { database } from "@/server/db/client";
import { accountIdForOidcIdentity, bindOidcIdentity } from "@/server/db/oidc-identity-store";
import { regenerateRecoveryCodes, remainingRecoveryCodes } from "@/server/db/recovery-code-store";
import * as patientAccount from "@/pages/espace/compte";
import { aPatient } from "@/lib/fhir/builders/people";
import { systemRepository } from "@/server/fhir/repository";
import { useTestDatabase } from "../../setup/test-database";
import { signIn as signedInAs, type SignedIn } from "../fhir-api/http";
import { servePage } from "../pages/pages-route";
import { anAddress } from "./helpers";
import { finishWithCode, isSignedIn, sessionsOpenedWith, signInWithPassword } from "./sign-in-ways";
import { signInRoutes } from "./sign-in-routes";
import { OIDC_CLIENT, closeProvider, connectFromSignInPage, issuer, location, oidcRoutes, sub } from "./oidc-test-provider";
import { Browser, startTestServer } from "./test-server";

/**
 * « Délier » an OpenID Connect identity in « Mon compte », through the page and the routes, with
 * the test provider on a socket (oidc-test-provider.ts). Before, no identity could be listed nor
 * unlinked by the owner: one bound by an intruder (or long ago) signed in for good. As for
 * removing a passkey, an open session alone unlinks none: the current factor is asked.
 */
// Read once by env(), which nothing has called yet: this file runs with modules of its own (vitest.config.ts).
process.env.OIDC_ISSUER = issuer;
process.env.OIDC_CLIENT_ID = OIDC_CLIENT.id;
process.env.OIDC_CLIENT_SECRET = OIDC_CLIENT.secret;

useTestDatabase();

let server: Awaited<ReturnType<typeof startTestServer>>;
beforeAll(async () => {
  server = await startTestServer({ "/compte/oidc/delier": unlink, "/connexion/oidc/demarrer": startOnSignInPage, ...oidcRoutes, ...signInRoutes });
});
afterAll(async () => {
  await server.close();
  await closeProvider();
});

/** The accounts of these tests (signIn's) share one TOTP secret; each account has its own last step. */
const TOTP_SECRET = "FHIRAPITESTTOTPS";

/** A patient with an account and a session, and that session in a browser. */
async function aPatientSignedIn(): Promise<SignedIn & { browser: Browser }> {
  const patient = (await (await systemRepository("oidc-unlink-tests")).create(aPatient({ given: "Dalia", family: "Délier", birthDate: "1988-05-06" }))).id!;
  const signedIn = await signedInAs(`Patient/${patient}`, { name: "Dalia Délier" });
  const browser = new Browser(server.base, anAddress());
  const [name, value] = signedIn.cookie.split("=");
  browser.jar.set(name!, value!);
  return { ...signedIn, browser };
}

/** The « Identité numérique » section's unlink form, as the owner's page shows it. */
async function unlinkFormOf(cookie: string, query = ""): Promise<string> {
  const html = (await servePage(patientAccount, `/espace/compte${query}`, { cookie })).html!;
  return html.match(/<form[^>]*action="\/compte\/oidc\/delier"[^>]*>([\s\S]*?)<\/form>/)?.[1] ?? "";
}

/** Each « Délier » button's value (the identity it names) and accessible name. */
const buttonsOf = (form: string) =>
  [...form.matchAll(/<button[^>]*name="identity"[^>]*>/g)].map(([button]) => ({ ref: button.match(/value="([^"]*)"/)?.[1] ?? "", label: button.match(/aria-label="([^"]*)"/)?.[1] ?? "" }));

const unlinkAs = (browser: Browser, identity: string, code?: string) => browser.post("/compte/oidc/delier", code === undefined ? { identity } : { identity, code });

async function changesOf(accountId: string): Promise<{ kind: string; detail: string | null }[]> {
  const { sql } = await database();
  return sql.query<{ kind: string; detail: string | null }>("SELECT kind, detail FROM account_event WHERE account_id = $1 AND kind IN ('account-code-failed', 'oidc-unlinked') ORDER BY at, id", [accountId]);
}

/** Whether signing in with the provider as `subject` opens a session. */
async function signsIn(subject: string): Promise<boolean> {
  const elsewhere = new Browser(server.base, anAddress());
  const back = await connectFromSignInPage(elsewhere, subject, "eidas2");
  return location(back).endsWith("/connexion/suite") && elsewhere.jar.has(currentAuthCookies().sessionToken.name);
}

describe("unlinking an OpenID Connect identity in « Mon compte »", () => {
  it("lists each linked identity by its provider and day, nothing of its subject, and « Délier » with a good code unlinks it: it signs in no more", async () => {
    const owner = await aPatientSignedIn();
    const mine = sub();
    await bindOidcIdentity(owner.accountId, issuer, mine, new Date("2026-03-01T10:00:00Z"));
    await bindOidcIdentity(owner.accountId, "https://ancien-fournisseur.example/", sub(), new Date("2026-02-28T23:30:00Z"));
    expect(await signsIn(mine)).toBe(true);

    const html = (await servePage(patientAccount, "/espace/compte", { cookie: owner.cookie })).html!;
    const form = await unlinkFormOf(owner.cookie);
    // Oldest first; the configured provider by its name, another by its host; the day in Paris (23:30 UTC is already 1 March there).
    expect(buttonsOf(form).map((button) => button.label)).toEqual(["Délier : ancien-fournisseur.example, liée le 1er mars 2026", "Délier : FranceConnect, liée le 1er mars 2026"]);
    expect(form).toMatch(/<label for="oidc-unlink-code"[^>]*>Code de votre application \(ou code de secours\) pour délier une identité/);
    expect(html).not.toContain(mine);

    const [, franceConnect] = buttonsOf(form);
    // signsIn opened a session with it, elsewhere: ended with it.
    expect(location(await unlinkAs(owner.browser, franceConnect!.ref, totpCode(TOTP_SECRET, new Date())))).toBe("/espace/compte?ok=oidc-delie");
    expect(await accountIdForOidcIdentity(issuer, mine)).toBeUndefined();
    expect(await signsIn(mine)).toBe(false);
    expect(await changesOf(owner.accountId)).toEqual([{ kind: "oidc-unlinked", detail: null }]);

    // The page says so, lists the other one alone, and the change is among the account's in French.
    const after = (await servePage(patientAccount, "/espace/compte?ok=oidc-delie", { cookie: owner.cookie })).html!;
    expect(after).toContain("L&#x27;identité numérique a été déliée : elle ne permet plus de vous connecter.");
    expect(after).toContain("Identité numérique déliée du compte");
    expect(buttonsOf(await unlinkFormOf(owner.cookie)).map((button) => button.label)).toEqual(["Délier : ancien-fournisseur.example, liée le 1er mars 2026"]);
  });

  it("an open session alone unlinks none: no code or a wrong one is refused (the wrong one recorded), the identity stays and signs in", async () => {
    const owner = await aPatientSignedIn();
    const mine = sub();
    await bindOidcIdentity(owner.accountId, issuer, mine, new Date());
    const [button] = buttonsOf(await unlinkFormOf(owner.cookie));

    expect(location(await unlinkAs(owner.browser, button!.ref))).toBe("/espace/compte?erreur=oidc-delier-facteur-manquant");
    expect(location(await unlinkAs(owner.browser, button!.ref, "000000"))).toBe("/espace/compte?erreur=oidc-delier-facteur");
    expect(await accountIdForOidcIdentity(issuer, mine)).toBe(owner.accountId);
    expect(await signsIn(mine)).toBe(true);
    // Nothing typed is no wrong code; the wrong one is in the owner's list of changes refused.
    expect(await changesOf(owner.accountId)).toEqual([{ kind: "account-code-failed", detail: "oidc-unlink" }]);

    // The code field is marked and described by the refusal, which the page's notice says too.
    for (const [erreur, words] of [
      ["oidc-delier-facteur", "Le code ne correspond pas : l&#x27;identité numérique n&#x27;a pas été déliée."],
      ["oidc-delier-facteur-manquant", "Pour délier une identité numérique, saisissez d&#x27;abord un code"],
    ] as const) {
      const html = (await servePage(patientAccount, `/espace/compte?erreur=${erreur}`, { cookie: owner.cookie })).html!;
      const field = (await unlinkFormOf(owner.cookie, `?erreur=${erreur}`)).match(/<input[^>]*name="code"[^>]*>/)?.[0] ?? "";
      expect(field, erreur).toContain('aria-invalid="true"');
      expect(field, erreur).toMatch(/aria-describedby="[^"]*oidc-unlink-code-error/);
      expect(html, erreur).toMatch(new RegExp(`<p id="oidc-unlink-code-error"[^>]*><span class="sr-only">[^<]*</span>${words}[^<]*</p>`));
      expect(html, erreur).toMatch(new RegExp(`<div role="alert" tabindex="-1" autofocus=""[^>]*>(?:<[^>]+>)*${words}`));
    }
  });

  it("another account's identity, or one unknown, is not unlinked and costs no code", async () => {
    const [owner, other] = [await aPatientSignedIn(), await aPatientSignedIn()];
    const theirs = sub();
    await bindOidcIdentity(other.accountId, issuer, theirs, new Date());
    const [theirButton] = buttonsOf(await unlinkFormOf(other.cookie));
    const [recovery] = await regenerateRecoveryCodes(owner.accountId, new Date());

    for (const identity of [theirButton!.ref, theirs, "inconnue"]) {
      expect(location(await unlinkAs(owner.browser, identity, recovery!)), identity).toBe("/espace/compte?erreur=oidc-inconnue");
    }
    expect(await accountIdForOidcIdentity(issuer, theirs)).toBe(other.accountId);
    expect(await remainingRecoveryCodes(owner.accountId)).toBe(10);
    expect(await changesOf(owner.accountId)).toEqual([]);
  });
});

/**
 * The sessions an identity opened end with it. Before, nothing recorded which way in opened a
 * session: the owner unlinked an intruder's identity and the intruder's sessions stayed open.
 * Signed in for real: with the provider (assurance high enough alone, or one factor and then the
 * portal's code), and with the password and a code.
 */
describe("unlinking an identity closes the sessions it opened", () => {
  async function emailOf(accountId: string): Promise<string> {
    const { sql } = await database();
    return (await sql.query<{ email: string }>("SELECT email FROM account WHERE id = $1", [accountId]))[0]!.email;
  }

  it("ends every other session the identity opened, with or without the portal's code after it; the password's stays; the list and the page say so", async () => {
    const owner = await aPatientSignedIn();
    const mine = sub();
    await bindOidcIdentity(owner.accountId, issuer, mine, new Date());
    const strong = new Browser(server.base, anAddress());
    expect(location(await connectFromSignInPage(strong, mine, "eidas2"))).toMatch(/\/connexion\/suite$/);
    const weak = new Browser(server.base, anAddress());
    expect(location(await connectFromSignInPage(weak, mine))).toMatch(/\/connexion\/code$/);
    await finishWithCode(weak, { code: totpCode(TOTP_SECRET, new Date()) });
    const [recovery, another] = await regenerateRecoveryCodes(owner.accountId, new Date());
    const byPassword = await signInWithPassword(server.base, { email: await emailOf(owner.accountId), password: "Sante-Demo-2026!" }, { code: another!, kind: "recovery" }, "127.0.63.1");
    expect(await isSignedIn(strong)).toBe(true);
    expect(await isSignedIn(weak)).toBe(true);

    // The owner's session, opened by the test as a password sign-in.
    expect((await sessionsOpenedWith(owner.cookie)).sort()).toEqual(["avec FranceConnect", "avec FranceConnect", "avec le mot de passe et un code", "avec le mot de passe et un code"]);

    const [button] = buttonsOf(await unlinkFormOf(owner.cookie));
    expect(location(await unlinkAs(owner.browser, button!.ref, recovery!))).toBe("/espace/compte?ok=oidc-delie");
    expect(await isSignedIn(strong)).toBe(false);
    expect(await isSignedIn(weak)).toBe(false);
    expect(await isSignedIn(byPassword)).toBe(true);
    expect(await isSignedIn(owner.browser)).toBe(true);

    // The count comes in the cookie the unlinking sealed for this session (closed-sessions-flash.ts), read once.
    const shown = await servePage(patientAccount, "/espace/compte?ok=oidc-delie", { cookie: owner.browser.cookieHeader() });
    expect(shown.html!).toContain("L&#x27;identité numérique a été déliée : elle ne permet plus de vous connecter. 2 sessions ouvertes avec cette identité numérique ont été fermées.");
    expect(shown.setCookies?.some((line) => /^espace-sante\.sessions-fermees=;.*Max-Age=0/.test(line))).toBe(true);
    // A count in the address says nothing.
    expect((await servePage(patientAccount, "/espace/compte?ok=oidc-delie&fermees=2", { cookie: owner.cookie })).html!).not.toContain("ouvertes avec cette");
  });

  it("the session unlinking the identity keeps going even if that identity opened it; the list says it came in with an identity now unlinked", async () => {
    const owner = await aPatientSignedIn();
    const mine = sub();
    await bindOidcIdentity(owner.accountId, issuer, mine, new Date());
    const [here, there] = [new Browser(server.base, anAddress()), new Browser(server.base, anAddress())];
    for (const browser of [here, there]) await connectFromSignInPage(browser, mine, "eidas2");
    const [button] = buttonsOf(await unlinkFormOf(here.cookieHeader()));
    expect(location(await unlinkAs(here, button!.ref, totpCode(TOTP_SECRET, new Date())))).toBe("/espace/compte?ok=oidc-delie");
    expect(await isSignedIn(here)).toBe(true);
    expect(await isSignedIn(there)).toBe(false);
    expect((await sessionsOpenedWith(here.cookieHeader())).sort()).toEqual(["avec le mot de passe et un code", "avec une identité numérique"]);
  });
});
