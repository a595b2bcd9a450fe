import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as change } from "@/app/(auth)/connexion/oubli/changer/route";
import { POST as send } from "@/app/(auth)/connexion/oubli/envoyer/route";
import { POST as signOut } from "@/app/(auth)/deconnexion/route";
import * as signInPage from "@/pages/connexion";
import { database } from "@/server/db/client";
import { bindOidcIdentity } from "@/server/db/oidc-identity-store";
import { addPasskey } from "@/server/db/passkey-store";
import { useTestDatabase } from "../../setup/test-database";
import { servePage } from "../pages/pages-route";
import { anAccount, anAddress } from "./helpers";
import { Browser, startTestServer } from "./test-server";

/**
 * A password reset changes the password only: the account's passkeys and linked identities
 * stay (the owner proved the mailbox and the second factor), and each still signs in. The page
 * the reset ends on (the sign-in page) now counts them, with the way to « Mon compte » to check
 * them; before, it said the password was changed and nothing of what else opens the account.
 */
useTestDatabase();

let server: Awaited<ReturnType<typeof startTestServer>>;
beforeAll(async () => {
  server = await startTestServer({ "/connexion/oubli/envoyer": send, "/connexion/oubli/changer": change, "/deconnexion": signOut }, 1);
});
afterAll(() => server.close());

type TestAccount = Awaited<ReturnType<typeof anAccount>>;

/** « Mot de passe oublié » through the routes, in `browser`: the link from the outbox, then the new password with a code. */
async function resetIn(browser: Browser, account: TestAccount): Promise<Response> {
  await browser.post("/connexion/oubli/envoyer", { email: account.email });
  const rows = await (await database()).sql.query<{ text_body: string }>(
    "SELECT text_body FROM email_outbox WHERE recipient = $1 AND kind = 'account-password-reset' ORDER BY created_at DESC LIMIT 1",
    [account.email],
  );
  const token = rows[0]?.text_body.match(/jeton=([A-Za-z0-9_-]{43})/)?.[1];
  return browser.post("/connexion/oubli/changer", { token: token!, newPassword: "tournesol baleine escalier violon", code: account.code(new Date()) });
}

/** The page the reset sends the browser to, as that browser opens it (its cookies). */
async function pageAfter(browser: Browser, answer: Response): Promise<string> {
  expect(answer.headers.get("location")).toBe("/connexion?erreur=reinitialise");
  return (await servePage(signInPage, answer.headers.get("location")!, { cookie: browser.cookieHeader() })).html!;
}

const aKey = (account: TestAccount, id: string) =>
  addPasskey({ credentialId: `${id}-${account.id}`, accountId: account.id, publicKey: new Uint8Array([1]), counter: 0, transports: [], name: id, now: new Date() });

const noticeOf = (html: string) => html.match(/<div role="status"[^>]*>([\s\S]*?)<\/div><\/div>/)?.[1] ?? "";

describe("the page after a password reset", () => {
  it("counts the passkeys and linked identities the account still has, with the link to « Mon compte » of its space", async () => {
    const account = await anAccount();
    await aKey(account, "telephone");
    await aKey(account, "ordinateur");
    await bindOidcIdentity(account.id, "https://fournisseur.example", `sub-${account.id}`, new Date());
    const browser = new Browser(server.base, anAddress());
    const notice = noticeOf(await pageAfter(browser, await resetIn(browser, account)));
    expect(notice).toContain("Votre mot de passe a été changé. Connectez-vous avec le nouveau.");
    expect(notice).toMatch(
      /Votre compte a aussi 2 clés d&#x27;accès et 1 identité numérique liée, qui permettent de vous connecter sans mot de passe : vérifiez-les dans <a href="\/espace\/compte"[^>]*>Mon compte<\/a>\./,
    );
  });

  it("says « la » of one alone, and links a professional to the professional « Mon compte »", async () => {
    const account = await anAccount({ kind: "practitioner" });
    await bindOidcIdentity(account.id, "https://fournisseur.example", `sub-${account.id}`, new Date());
    const browser = new Browser(server.base, anAddress());
    expect(noticeOf(await pageAfter(browser, await resetIn(browser, account)))).toMatch(
      /Votre compte a aussi 1 identité numérique liée, qui permet de vous connecter sans mot de passe : vérifiez-la dans <a href="\/pro\/compte"[^>]*>Mon compte<\/a>\./,
    );
  });

  it("says nothing more when there is none, nor to a browser that did not reset (a forged address proves nothing)", async () => {
    const withKeys = await anAccount();
    await aKey(withKeys, "cle");
    const browser = new Browser(server.base, anAddress());
    expect(await pageAfter(browser, await resetIn(browser, withKeys))).toContain("Votre compte a aussi 1 clé d&#x27;accès");
    // The same browser resets another account, with none: the earlier count is forgotten, not shown again.
    const without = await anAccount();
    const html = await pageAfter(browser, await resetIn(browser, without));
    expect(html).toContain("Votre mot de passe a été changé.");
    expect(html).not.toContain("Votre compte a aussi");

    const forged = (await servePage(signInPage, "/connexion?erreur=reinitialise")).html!;
    expect(forged).not.toContain("Votre compte a aussi");
    const bent = (await servePage(signInPage, "/connexion?erreur=reinitialise", { cookie: "espace-sante.reinitialise=e.1.<b>" })).html!;
    expect(bent).not.toMatch(/Votre compte a aussi|<b>/);
  });

  it("forgets the counts at sign-out: the next person at that computer reads none of the owner's account", async () => {
    const account = await anAccount();
    await aKey(account, "cle");
    const browser = new Browser(server.base, anAddress());
    const answer = await resetIn(browser, account);
    expect(await pageAfter(browser, answer)).toContain("Votre compte a aussi 1 clé d&#x27;accès");
    // The owner signs in, then out (the form's post); the page after a reset, opened again in the
    // same browser minutes later from the history, says the password was changed and no more.
    expect((await browser.post("/deconnexion", {})).status).toBe(303);
    const later = (await servePage(signInPage, "/connexion?erreur=reinitialise", { cookie: browser.cookieHeader() })).html!;
    expect(later).toContain("Votre mot de passe a été changé.");
    expect(later).not.toContain("Votre compte a aussi");
  });
});
