import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SIGN_IN_LIMITS } from "@/server/auth/throttle-policy";
import { useTestDatabase } from "../../setup/test-database";
import { deliverOutboxOf } from "../mail/deliver-outbox";
import { anAccount, anAddress } from "./helpers";
import { signInRoutes } from "./sign-in-routes";
import { Browser, startTestServer } from "./test-server";

/**
 * A sign-in refused after repeated wrong passwords told its owner nothing: a row in « Connexions
 * récentes », seen only if she looked. Over a real socket, the password step as the portal serves
 * it, and the e-mail through the outbox worker to a real SMTP server: one e-mail when the sign-in
 * is refused, saying what to do, with no link and nothing of health; no more however long the
 * stranger goes on, new windows included (at most one a day); none for an address without an
 * account. A database of its own: the worker sends every due e-mail it finds.
 */
const db = useTestDatabase({ fresh: true });
const smtp = deliverOutboxOf(db);

let server: Awaited<ReturnType<typeof startTestServer>>;
beforeAll(async () => {
  server = await startTestServer(signInRoutes, 1);
});
afterAll(() => server.close());

const wrongPasswords = async (browser: Browser, email: string, times: number) => {
  for (let i = 0; i < times; i++) {
    const answer = await browser.post("/connexion/mot-de-passe", { email, password: `pas-le-bon-${i}` });
    expect(answer.headers.get("location")).toBe("/connexion?erreur=identifiants");
  }
};

const mailsTo = (email: string) => smtp().mails.filter((mail) => mail.to.includes(email));
const settle = () => new Promise((resolve) => setTimeout(resolve, 400));

describe("a sign-in refused after repeated wrong passwords", () => {
  it("tells the owner once by e-mail: what happened, what to do, no link, nothing of health", async () => {
    const account = await anAccount();
    const browser = new Browser(server.base, anAddress());
    // Within the cap, a mistyped password tells no one.
    await wrongPasswords(browser, account.email, SIGN_IN_LIMITS.accountAndAddress);
    await settle();
    expect(mailsTo(account.email)).toHaveLength(0);

    await wrongPasswords(browser, account.email, 1);
    await expect.poll(() => mailsTo(account.email).length, { timeout: 5_000 }).toBe(1);
    const [mail] = mailsTo(account.email);
    expect(mail!.subject).toBe("Connexion à votre compte suspendue");
    expect(mail!.text).toContain("Trop de mots de passe erronés ont été saisis pour votre compte Mon espace santé.");
    expect(mail!.text).toContain("Si ce n'était pas vous");
    expect(mail!.text).not.toMatch(/https?:|www\.|\/connexion|\/espace/);
    expect(mail!.text).not.toMatch(/document|ordonnance|santé de|dossier/i);

    // The stranger goes on: still one e-mail.
    await wrongPasswords(browser, account.email, 20);
    await wrongPasswords(new Browser(server.base, anAddress()), account.email, 12);
    // A new window of refusals later the same day: still one.
    await db().sql.query("UPDATE rate_limit SET window_start = window_start - interval '1 hour' WHERE key LIKE 'signin%'");
    await wrongPasswords(browser, account.email, 3);
    await settle();
    expect(mailsTo(account.email)).toHaveLength(1);
  });

  it("sends nothing for an address without an account", async () => {
    const email = `personne-${Date.now()}@example.org`;
    await wrongPasswords(new Browser(server.base, anAddress()), email, SIGN_IN_LIMITS.accountAndAddress + 3);
    await settle();
    expect(mailsTo(email)).toHaveLength(0);
    const [row] = await db().sql.query<{ n: number }>("SELECT count(*)::int AS n FROM email_outbox WHERE recipient = $1", [email]);
    expect(row!.n).toBe(0);
  });
});
