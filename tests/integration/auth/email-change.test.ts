import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as request } from "@/app/compte/adresse/route";
import { POST as confirm } from "@/app/compte/adresse/confirmer/envoyer/route";
import { POST as changePassword } from "@/app/compte/mot-de-passe/route";
import { EMAIL_CHANGE_ANSWER_FLOOR_MS } from "@/server/accounts/change-email";
import * as confirmPage from "@/pages/compte/adresse/confirmer";
import { openSession } from "@/server/auth/open-session";
import { database } from "@/server/db/client";
import { emailOfAccount, setAccountEmail } from "@/server/db/account-store";
import { useTestDatabase } from "../../setup/test-database";
import { sessionCookie } from "../fhir-api/http";
import { servePage } from "../pages/pages-route";
import { anAccount, PASSWORD } from "./helpers";
import { Browser, startTestServer } from "./test-server";


useTestDatabase();

let server: Awaited<ReturnType<typeof startTestServer>>;
beforeAll(async () => {
  server = await startTestServer({ "/compte/adresse": request, "/compte/adresse/confirmer/envoyer": confirm, "/compte/mot-de-passe": changePassword });
});
afterAll(() => server.close());

async function mailsTo(email: string) {
  return (await database()).sql.query<{ kind: string; text_body: string }>("SELECT kind, text_body FROM email_outbox WHERE recipient = $1", [email]);
}

describe("changing the e-mail address", () => {
  it("needs the second factor, confirms by a link to the new address, tells the old one", async () => {
    const account = await anAccount();
    const browser = new Browser(server.base);
    const [name, value] = (await sessionCookie(await openSession({ account, openedWith: { method: "password" }, now: new Date(), userAgent: "vitest" }))).split("=");
    browser.jar.set(name!, value!);
    const newEmail = `new-${account.id}@example.org`;

    expect((await browser.post("/compte/adresse", { email: newEmail, code: "000000" })).headers.get("location")).toBe("/espace/compte?erreur=adresse-code");
    // Refused for the address alone, the answer names it: not an address, or already the account's.
    expect((await browser.post("/compte/adresse", { email: "pas-une-adresse", code: account.code(new Date()) })).headers.get("location")).toBe("/espace/compte?erreur=adresse-invalide");
    expect((await browser.post("/compte/adresse", { email: newEmail, code: account.code(new Date()) })).headers.get("location")).toBe("/espace/compte?ok=adresse-envoyee");
    expect(await emailOfAccount(account.id)).toBe(account.email);
    expect((await mailsTo(account.email)).map((m) => m.kind)).toContain("account-email-change-notice");
    const token = (await mailsTo(newEmail))[0]?.text_body.match(/jeton=([A-Za-z0-9_-]{43})/)?.[1];
    expect(token).toBeDefined();

    // The link's page (Pages Router) only shows the button posting the token: opening it, or an
    // App Router prefetch of it, changes nothing and spends none of the token's attempts.
    const path = `/compte/adresse/confirmer?jeton=${token!}`;
    expect(await servePage(confirmPage, path, { headers: { rsc: "1", "next-router-prefetch": "1" } })).toEqual({ status: 204, ended: true });
    for (let opened = 0; opened < 4; opened++) {
      const page = await servePage(confirmPage, path);
      expect(page.status).toBe(200);
      expect(page.html).toContain('action="/compte/adresse/confirmer/envoyer"');
      expect(page.html).toContain(`name="token" value="${token!}"`);
    }
    expect(await emailOfAccount(account.id)).toBe(account.email);

    const stranger = new Browser(server.base);
    expect((await stranger.post("/compte/adresse/confirmer/envoyer", { token: token! })).headers.get("location")).toBe("/connexion?erreur=adresse-confirmee");
    expect(await emailOfAccount(account.id)).toBe(newEmail);
    expect((await stranger.post("/compte/adresse/confirmer/envoyer", { token: token! })).headers.get("location")).toBe("/connexion?erreur=adresse-refusee");
  });

  it("accounts confirming the same free address at the same moment: one gets it, the others a refusal, never a 500", async () => {
    const shared = `shared-${Date.now()}@example.org`;
    const confirmations: { account: Awaited<ReturnType<typeof anAccount>>; browser: Browser; token: string }[] = [];
    for (let n = 0; n < 5; n++) {
      const account = await anAccount();
      const browser = new Browser(server.base);
      const [name, value] = (await sessionCookie(await openSession({ account, openedWith: { method: "password" }, now: new Date(), userAgent: "vitest" }))).split("=");
      browser.jar.set(name!, value!);
      expect((await browser.post("/compte/adresse", { email: shared, code: account.code(new Date()) })).headers.get("location")).toBe("/espace/compte?ok=adresse-envoyee");
      const token = (await mailsTo(shared)).map((m) => m.text_body.match(/jeton=([A-Za-z0-9_-]{43})/)?.[1]).at(-1)!;
      confirmations.push({ account, browser, token });
    }
    const answers = await Promise.all(confirmations.map(({ browser, token }) => browser.post("/compte/adresse/confirmer/envoyer", { token })));
    expect(answers.map((a) => a.status)).toEqual([303, 303, 303, 303, 303]);
    expect(answers.filter((a) => a.headers.get("location") === "/connexion?erreur=adresse-confirmee")).toHaveLength(1);
    const emails = await Promise.all(confirmations.map(({ account }) => emailOfAccount(account.id)));
    expect(emails.filter((e) => e === shared)).toHaveLength(1);
    expect(emails.filter((e, i) => e === confirmations[i]!.account.email)).toHaveLength(4);
  });

  it("the address's unique index settles the race the check before it cannot: the second account is refused, nothing changed", async () => {
    const [first, second] = [await anAccount(), await anAccount()];
    expect(await setAccountEmail(second.id, first.email, new Date())).toBe(false);
    expect(await emailOfAccount(second.id)).toBe(second.email);
    expect(await emailOfAccount(first.id)).toBe(first.email);
  });

  it("a change the owner did not ask for ends when she changes her password, as the e-mail to her old address tells her: its link then confirms nothing", async () => {
    const account = await anAccount();
    const signedIn = async () => {
      const browser = new Browser(server.base);
      const [name, value] = (await sessionCookie(await openSession({ account, openedWith: { method: "password" }, now: new Date(), userAgent: "vitest" }))).split("=");
      browser.jar.set(name!, value!);
      return browser;
    };
    // Someone in one of her sessions, with a code (a recovery code found on paper, say), asks to
    // move the account to their own address.
    const intruder = await signedIn();
    const theirs = `intrus-${account.id}@example.org`;
    expect((await intruder.post("/compte/adresse", { email: theirs, code: account.code(new Date()) })).headers.get("location")).toBe("/espace/compte?ok=adresse-envoyee");
    const notice = (await mailsTo(account.email)).find((m) => m.kind === "account-email-change-notice")!;
    expect(notice.text_body).toContain("Si ce n'était pas vous, connectez-vous et changez votre mot de passe : la demande sera annulée.");
    // Both open as the portal's other e-mails do (letter.ts), and name no one.
    expect(notice.text_body).toMatch(/^Bonjour,\n\nUn changement d'adresse/);
    const link = (await mailsTo(theirs))[0]!.text_body;
    expect(link).toMatch(/^Bonjour,\n\nPour que cette adresse/);
    const token = link.match(/jeton=([A-Za-z0-9_-]{43})/)![1]!;

    // She does what the e-mail says (the next step's code: the first one is spent).
    const owner = await signedIn();
    const changed = await owner.post("/compte/mot-de-passe", { currentPassword: PASSWORD, newPassword: "girafe nuage tournevis printemps", code: account.code(new Date(Date.now() + 30_000)) });
    expect(changed.headers.get("location")).toBe("/espace/compte?ok=mot-de-passe");

    const page = await servePage(confirmPage, `/compte/adresse/confirmer?jeton=${token}`);
    expect(page.html).toContain("Ce lien a expiré");
    expect(page.html).not.toContain('action="/compte/adresse/confirmer/envoyer"');
    expect((await new Browser(server.base).post("/compte/adresse/confirmer/envoyer", { token })).headers.get("location")).toBe("/connexion?erreur=adresse-refusee");
    expect(await emailOfAccount(account.id)).toBe(account.email);
  });

  it("answers an address that already has an account as a free one, after the same floor; its owner is told and nothing changes", async () => {
    const [asker, holder] = [await anAccount(), await anAccount()];
    const browser = new Browser(server.base);
    const [name, value] = (await sessionCookie(await openSession({ account: asker, openedWith: { method: "password" }, now: new Date(), userAgent: "vitest" }))).split("=");
    browser.jar.set(name!, value!);
    const ask = async (email: string, at: Date) => {
      const started = performance.now();
      const location = (await browser.post("/compte/adresse", { email, code: asker.code(at) })).headers.get("location");
      return { location, ms: performance.now() - started };
    };
    // Two codes of two 30-second steps (a code serves once); the free address first.
    const now = Date.now();
    const free = await ask(`free-${asker.id}@example.org`, new Date(now - 30_000));
    const taken = await ask(holder.email.toUpperCase(), new Date(now));
    expect(free.location).toBe("/espace/compte?ok=adresse-envoyee");
    expect(taken.location).toBe(free.location);
    // A timer may fire a millisecond early; the work itself takes a few milliseconds.
    for (const { ms } of [free, taken]) expect(ms).toBeGreaterThanOrEqual(EMAIL_CHANGE_ANSWER_FLOOR_MS - 2);

    // The holder is told, with no link; the asker's old address hears of a request either way.
    expect((await mailsTo(holder.email)).map((m) => m.kind)).toEqual(["account-email-already-used"]);
    expect((await mailsTo(holder.email))[0]?.text_body).not.toMatch(/jeton=/);
    expect((await mailsTo(asker.email)).map((m) => m.kind)).toEqual(["account-email-change-notice", "account-email-change-notice"]);
    expect(await emailOfAccount(asker.id)).toBe(asker.email);
    expect(await emailOfAccount(holder.id)).toBe(holder.email);

    // Asked again within the hour: the same answer, and no second e-mail to the holder.
    expect((await ask(holder.email, new Date(now + 30_000))).location).toBe(free.location);
    expect(await mailsTo(holder.email)).toHaveLength(1);
  });
});
