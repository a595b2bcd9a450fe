import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as confirmTotp } from "@/app/compte/totp/confirmer/route";
import { POST as newTotp } from "@/app/compte/totp/nouveau/route";
import { completeSignIn } from "@/server/auth/complete-sign-in";
import { openSession } from "@/server/auth/open-session";
import { startSignIn } from "@/server/auth/start-sign-in";
import { totpCode } from "@/server/auth/totp";
import { accountForEnrolment } from "@/server/db/account-enrolment-store";
import { database } from "@/server/db/client";
import { regenerateRecoveryCodes, remainingRecoveryCodes } from "@/server/db/recovery-code-store";
import { useTestDatabase } from "../../setup/test-database";
import { sessionCookie } from "../fhir-api/http";
import { anAccount, anAddress, at, PASSWORD } from "./helpers";
import { Browser, startTestServer } from "./test-server";

/**
 * « Remplacer l'application d'authentification » over a real socket: an open session is not
 * enough, the current factor (a code of the old app or a recovery code) is asked too; once
 * replaced, the account's trail has it and the owner is notified, by e-mail as well.
 */
useTestDatabase();

let server: Awaited<ReturnType<typeof startTestServer>>;
beforeAll(async () => {
  server = await startTestServer({ "/compte/totp/nouveau": newTotp, "/compte/totp/confirmer": confirmTotp });
});
afterAll(() => server.close());

type TestAccount = Awaited<ReturnType<typeof anAccount>>;

async function signedIn(account: TestAccount): Promise<Browser> {
  const browser = new Browser(server.base);
  const [name, value] = (await sessionCookie(await openSession({ account, now: new Date(), userAgent: "vitest" }))).split("=");
  browser.jar.set(name!, value!);
  return browser;
}

/** « Remplacer »: the new key the page then shows (read where the page reads it). */
async function startReplacing(browser: Browser, account: TestAccount): Promise<string> {
  expect((await browser.post("/compte/totp/nouveau", {})).headers.get("location")).toBe("/espace/compte?totp=nouveau#totp");
  return (await accountForEnrolment(account.id))!.pendingTotpSecret!;
}

async function signsInWith(account: TestAccount, code: (now: Date) => string, now: Date): Promise<boolean> {
  const started = await startSignIn({ email: account.email, password: PASSWORD, address: anAddress(), now });
  if (!started.ok) throw new Error("password step refused");
  return (await completeSignIn({ challengeId: started.challengeId, code: code(now), now, userAgent: "vitest" })).ok;
}

async function traces(account: TestAccount) {
  const { sql } = await database();
  const events = await sql.query<{ kind: string }>("SELECT kind FROM account_event WHERE account_id = $1 AND kind = 'totp-replaced'", [account.id]);
  // The test's own sign-ins are told too ("new-sign-in"): not what is looked at here.
  const notices = await sql.query<{ kind: string; link: string }>("SELECT kind, link FROM notification WHERE account_id = $1 AND kind <> 'new-sign-in'", [account.id]);
  const mails = await sql.query<{ kind: string; text_body: string }>(
    "SELECT kind, text_body FROM email_outbox WHERE recipient = $1 AND kind <> 'notification-new-sign-in'",
    [account.email],
  );
  return { events: events.length, notices, mails };
}

describe("replacing the authenticator app in « Mon compte »", () => {
  it("refuses without the current factor: nothing changes, the old app still works, nobody is told", async () => {
    const account = await anAccount();
    const browser = await signedIn(account);
    const secret = await startReplacing(browser, account);
    const now = new Date();
    for (const currentCode of [undefined, "000000", "AAAAA-BBBBB"]) {
      const answer = await browser.post("/compte/totp/confirmer", { code: totpCode(secret, now), ...(currentCode ? { currentCode } : {}) });
      expect(answer.headers.get("location")).toBe("/espace/compte?erreur=totp-facteur&totp=nouveau#totp");
    }
    expect(await signsInWith(account, account.code, at(now, 30_000))).toBe(true);
    expect(await signsInWith(account, (t) => totpCode(secret, t), at(now, 60_000))).toBe(false);
    expect(await traces(account)).toEqual({ events: 0, notices: [], mails: [] });
  });

  it("with a code of the current app: the new app works, the old does not, and the change is recorded and told", async () => {
    const account = await anAccount();
    const browser = await signedIn(account);
    const secret = await startReplacing(browser, account);
    const now = new Date();
    const answer = await browser.post("/compte/totp/confirmer", { code: totpCode(secret, now), currentCode: account.code(now) });
    expect(answer.headers.get("location")).toBe("/espace/compte?ok=totp");
    expect(await signsInWith(account, account.code, at(now, 30_000))).toBe(false);
    expect(await signsInWith(account, (t) => totpCode(secret, t), at(now, 60_000))).toBe(true);

    const { events, notices, mails } = await traces(account);
    expect(events).toBe(1);
    expect(notices).toEqual([{ kind: "second-factor-replaced", link: "/espace/compte#totp" }]);
    const mail = mails.find((m) => m.kind === "notification-second-factor-replaced");
    expect(mail?.text_body).toContain("Elle concerne la sécurité de votre espace");
  });

  it("with a recovery code after a lost phone (spent), on a professional's account", async () => {
    const account = await anAccount({ kind: "practitioner" });
    const [recovery] = await regenerateRecoveryCodes(account.id, new Date());
    const browser = await signedIn(account);
    expect((await browser.post("/compte/totp/nouveau", {})).headers.get("location")).toBe("/pro/compte?totp=nouveau#totp");
    const secret = (await accountForEnrolment(account.id))!.pendingTotpSecret!;
    const now = new Date();
    const replace = (currentCode: string) => browser.post("/compte/totp/confirmer", { code: totpCode(secret, now), currentCode });
    expect((await replace(recovery!)).headers.get("location")).toBe("/pro/compte?ok=totp");
    expect(await remainingRecoveryCodes(account.id)).toBe(9);
    expect(await signsInWith(account, account.code, at(now, 30_000))).toBe(false);
    expect((await traces(account)).notices).toEqual([{ kind: "second-factor-replaced", link: "/pro/compte#totp" }]);
  });

  it("keeps a recovery code when the new app's code is wrong", async () => {
    const account = await anAccount();
    const [recovery] = await regenerateRecoveryCodes(account.id, new Date());
    const browser = await signedIn(account);
    const secret = await startReplacing(browser, account);
    const now = new Date();
    expect((await browser.post("/compte/totp/confirmer", { code: "123456", currentCode: recovery! })).headers.get("location")).toBe(
      "/espace/compte?erreur=totp&totp=nouveau#totp",
    );
    expect((await browser.post("/compte/totp/confirmer", { code: totpCode(secret, now), currentCode: recovery! })).headers.get("location")).toBe("/espace/compte?ok=totp");
  });
});
