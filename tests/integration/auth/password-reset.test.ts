import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as change } from "@/app/(auth)/connexion/oubli/changer/route";
import { POST as send } from "@/app/(auth)/connexion/oubli/envoyer/route";
import { RESET_ANSWER_FLOOR_MS } from "@/server/accounts/request-password-reset";
import { startSignIn } from "@/server/auth/start-sign-in";
import { database } from "@/server/db/client";
import { useTestDatabase } from "../../setup/test-database";
import { asOwner } from "../audit/owner-sql";
import { anAccount, anAddress } from "./helpers";
import { Browser, startTestServer } from "./test-server";


const db = useTestDatabase();

let server: Awaited<ReturnType<typeof startTestServer>>;
beforeAll(async () => {
  server = await startTestServer({ "/connexion/oubli/envoyer": send, "/connexion/oubli/changer": change }, 1);
});
afterAll(() => server.close());

const NEW_PASSWORD = "tournesol baleine escalier violon";

/** The reset e-mail's text, read from the outbox the mailer sends from. */
async function mailSentTo(email: string): Promise<string | undefined> {
  const rows = await (await database()).sql.query<{ text_body: string; subject: string }>(
    "SELECT text_body, subject FROM email_outbox WHERE recipient = $1 AND kind = 'account-password-reset' ORDER BY created_at DESC LIMIT 1",
    [email],
  );
  return rows[0]?.text_body;
}

/** The reset link's token. */
async function linkSentTo(email: string): Promise<string | undefined> {
  return (await mailSentTo(email))?.match(/jeton=([A-Za-z0-9_-]{43})/)?.[1];
}

describe("forgotten password", () => {
  it("sends a single-use link that still asks for the second factor", async () => {
    const account = await anAccount();
    const browser = new Browser(server.base, anAddress());
    expect((await browser.post("/connexion/oubli/envoyer", { email: account.email })).headers.get("location")).toBe("/connexion/oubli?envoye=1");
    const token = await linkSentTo(account.email);
    expect(token).toBeDefined();
    // It opens as the portal's other e-mails do (letter.ts): « Bonjour, », no name.
    expect(await mailSentTo(account.email)).toMatch(/^Bonjour,\n\nVous avez demandé à réinitialiser/);

    const wrongFactor = await browser.post("/connexion/oubli/changer", { token: token!, newPassword: NEW_PASSWORD, code: "000000" });
    expect(wrongFactor.headers.get("location")).toContain("erreur=facteur");
    const done = await browser.post("/connexion/oubli/changer", { token: token!, newPassword: NEW_PASSWORD, code: account.code(new Date()) });
    expect(done.headers.get("location")).toBe("/connexion?erreur=reinitialise");
    expect((await startSignIn({ email: account.email, password: NEW_PASSWORD, address: anAddress(), now: new Date() })).ok).toBe(true);

    const again = await browser.post("/connexion/oubli/changer", { token: token!, newPassword: "encore un autre mot de passe solide", code: account.code(new Date(Date.now() + 30_000)) });
    expect(again.headers.get("location")).toContain("erreur=lien");
  });

  it("leaves the link usable when the reset fails after its checks: the link is spent with the new password, never alone", async () => {
    const account = await anAccount();
    const browser = new Browser(server.base, anAddress());
    await browser.post("/connexion/oubli/envoyer", { email: account.email });
    const token = await linkSentTo(account.email);
    // A failure inside the reset's transaction, after the link and the code were accepted: the
    // owner's notice cannot be written (a trigger, as the database's owner, for this account only).
    const fn = `fail_reset_${account.id.replace(/-/g, "")}`;
    await asOwner(db(), async (owner) => {
      await owner.exec(`CREATE FUNCTION ${fn}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF NEW.account_id = '${account.id}'::uuid THEN RAISE EXCEPTION 'test failure'; END IF; RETURN NEW; END $$`);
      await owner.exec(`CREATE TRIGGER ${fn} BEFORE INSERT ON notification FOR EACH ROW EXECUTE FUNCTION ${fn}()`);
    });
    try {
      const failed = await browser.post("/connexion/oubli/changer", { token: token!, newPassword: NEW_PASSWORD, code: account.code(new Date()) });
      expect(failed.status).toBeGreaterThanOrEqual(500);
    } finally {
      await asOwner(db(), async (owner) => {
        await owner.exec(`DROP TRIGGER ${fn} ON notification`);
        await owner.exec(`DROP FUNCTION ${fn}()`);
      });
    }
    expect((await startSignIn({ email: account.email, password: NEW_PASSWORD, address: anAddress(), now: new Date() })).ok).toBe(false);

    const done = await browser.post("/connexion/oubli/changer", { token: token!, newPassword: NEW_PASSWORD, code: account.code(new Date(Date.now() + 30_000)) });
    expect(done.headers.get("location")).toBe("/connexion?erreur=reinitialise");
    expect((await startSignIn({ email: account.email, password: NEW_PASSWORD, address: anAddress(), now: new Date() })).ok).toBe(true);
  });

  it("answers an address without an account exactly the same, and sends nothing", async () => {
    const email = `nobody-${Date.now()}@example.org`;
    const answer = await new Browser(server.base, anAddress()).post("/connexion/oubli/envoyer", { email });
    expect(answer.headers.get("location")).toBe("/connexion/oubli?envoye=1");
    expect(await linkSentTo(email)).toBeUndefined();
  });

  it("answers after the same floor whether the address has an account or not, so its time does not tell", async () => {
    // Without the floor a real account's request took five times an unknown address's (its
    // 10th percentile above the other's 90th: `npm run bench -- sign-in`); one request told.
    const timed = async (email: string) => {
      const started = performance.now();
      const answer = await new Browser(server.base, anAddress()).post("/connexion/oubli/envoyer", { email });
      expect(answer.headers.get("location")).toBe("/connexion/oubli?envoye=1");
      return performance.now() - started;
    };
    for (let i = 0; i < 3; i++) {
      const account = await anAccount();
      // A timer may fire a millisecond early; the work itself takes about 5 ms.
      expect(await timed(account.email)).toBeGreaterThanOrEqual(RESET_ANSWER_FLOOR_MS - 2);
      expect(await linkSentTo(account.email)).toBeDefined();
      expect(await timed(`nobody-${i}-${account.email}`)).toBeGreaterThanOrEqual(RESET_ANSWER_FLOOR_MS - 2);
    }
  });

  it("refuses a new password over the limit rather than keeping its first 256 characters", async () => {
    const account = await anAccount();
    const browser = new Browser(server.base, anAddress());
    await browser.post("/connexion/oubli/envoyer", { email: account.email });
    const token = await linkSentTo(account.email);
    const long = `${"tournesol baleine ".repeat(17)}fin`; // 309 characters
    const refused = await browser.post("/connexion/oubli/changer", { token: token!, newPassword: long, code: account.code(new Date()) });
    expect(refused.headers.get("location")).toContain("erreur=longueur");
    expect((await startSignIn({ email: account.email, password: long.slice(0, 256), address: anAddress(), now: new Date() })).ok).toBe(false);
  });

  it("refuses a made-up link", async () => {
    const answer = await new Browser(server.base, anAddress()).post("/connexion/oubli/changer", { token: "A".repeat(43), newPassword: NEW_PASSWORD, code: "123456" });
    expect(answer.headers.get("location")).toContain("erreur=lien");
  });
});
