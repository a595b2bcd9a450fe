import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import * as patientAccount from "@/pages/espace/compte";
import * as afterSignInPage from "@/pages/connexion/suite";
import { POST as confirmTotp } from "@/app/compte/totp/confirmer/route";
import { POST as newTotp } from "@/app/compte/totp/nouveau/route";
import { completeSignIn } from "@/server/auth/complete-sign-in";
import { RECENT_SECOND_FACTOR_MS } from "@/server/auth/session-policy";
import { startSignIn } from "@/server/auth/start-sign-in";
import { totpCode } from "@/server/auth/totp";
import { accountForEnrolment } from "@/server/db/account-enrolment-store";
import { database } from "@/server/db/client";
import { regenerateRecoveryCodes, remainingRecoveryCodes } from "@/server/db/recovery-code-store";
import { useTestDatabase } from "../../setup/test-database";
import { sessionCookie } from "../fhir-api/http";
import { servePage } from "../pages/pages-route";
import { anAccount, anAddress, at, MINUTE, PASSWORD } from "./helpers";
import { signInRoutes } from "./sign-in-routes";
import { signedInBrowser } from "./signed-in-browser";
import { Browser, startTestServer } from "./test-server";

/**
 * « Remplacer l'application d'authentification » over a real socket: an open session is not
 * enough, the current factor (a code of the old app or a recovery code) is asked too; once
 * replaced, the account's trail has it and the owner is notified, by e-mail as well.
 */
useTestDatabase();

let server: Awaited<ReturnType<typeof startTestServer>>;
beforeAll(async () => {
  server = await startTestServer({ ...signInRoutes, "/compte/totp/nouveau": newTotp, "/compte/totp/confirmer": confirmTotp });
});
afterAll(() => server.close());
afterEach(() => vi.useRealTimers());

type TestAccount = Awaited<ReturnType<typeof anAccount>>;

const signedIn = (account: TestAccount): Promise<Browser> => signedInBrowser(server.base, account);

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

async function refusedCodes(account: TestAccount): Promise<number> {
  const { sql } = await database();
  return (await sql.query("SELECT 1 FROM account_event WHERE account_id = $1 AND kind = 'account-code-failed'", [account.id])).length;
}

async function traces(account: TestAccount) {
  const { sql } = await database();
  const events = await sql.query<{ kind: string }>("SELECT kind FROM account_event WHERE account_id = $1 AND kind = 'totp-replaced'", [account.id]);
  // The test's own sign-ins are told too ("new-sign-in", "recovery-sign-in"): not what is looked at here.
  const notices = await sql.query<{ kind: string; link: string }>("SELECT kind, link FROM notification WHERE account_id = $1 AND kind NOT IN ('new-sign-in', 'recovery-sign-in')", [account.id]);
  const mails = await sql.query<{ kind: string; text_body: string }>(
    "SELECT kind, text_body FROM email_outbox WHERE recipient = $1 AND kind NOT IN ('notification-new-sign-in', 'notification-recovery-sign-in')",
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
    // Nothing typed is asked for, and is no refused code; a wrong one is both refused and recorded.
    for (const currentCode of [undefined, " "]) {
      const answer = await browser.post("/compte/totp/confirmer", { code: totpCode(secret, now), ...(currentCode ? { currentCode } : {}) });
      expect(answer.headers.get("location")).toBe("/espace/compte?erreur=totp-facteur-manquant&totp=nouveau#totp");
    }
    expect(await accountPage(browser, "/espace/compte?erreur=totp-facteur-manquant&totp=nouveau")).toContain("saisissez aussi un code de votre application actuelle");
    expect(await refusedCodes(account)).toBe(0);
    for (const currentCode of ["000000", "AAAAA-BBBBB"]) {
      const answer = await browser.post("/compte/totp/confirmer", { code: totpCode(secret, now), currentCode });
      expect(answer.headers.get("location")).toBe("/espace/compte?erreur=totp-facteur&totp=nouveau#totp");
    }
    expect(await refusedCodes(account)).toBe(2);
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
    // What happened and what to do, in the e-mail itself: an owner whose app someone else
    // replaced cannot sign in with it to read the notice (found by a walk of the lost phone).
    const text = mail!.text_body.replace(/\s+/g, " ");
    expect(text).toMatch(/L'application d'authentification de votre compte a été remplacée le \d{1,2}(er)? \S+ \d{4} à \d\d:\d\d \(heure de Paris\)\./);
    expect(text).toContain("Si ce n'était pas vous, connectez-vous avec un de vos codes de secours");
    expect(text).toContain("/espace/compte");
    expect(text).toContain("qu'il ne vous reste aucun code de secours, contactez sans attendre l'assistance : assistance@espace-sante.example");
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

/**
 * Signing in with a recovery code (phone lost), over the sign-in's two steps, then landing where
 * every sign-in lands (/connexion/suite), which sets the new app's key waiting on the account page.
 * Each test from a loopback address of its own: the password step counts per address.
 */
async function signedInWithRecoveryCode(account: TestAccount, recovery: string, localAddress: string): Promise<Browser> {
  const browser = new Browser(server.base, undefined, localAddress);
  expect((await browser.post("/connexion/mot-de-passe", { email: account.email, password: PASSWORD })).headers.get("location")).toBe("/connexion/code");
  const answer = await browser.post("/code", { code: recovery, kind: "recovery" });
  expect(answer.status).toBe(200);
  const [name, value] = (await sessionCookie(((await answer.json()) as { sessionId: string }).sessionId)).split("=");
  browser.jar.set(name!, value!);
  expect(await servePage(afterSignInPage, "/connexion/suite?secours=1", { cookie: browser.cookieHeader() })).toEqual({ status: 307, redirect: "/espace/compte?secours=1" });
  return browser;
}

const accountPage = async (browser: Browser, path: string) => (await servePage(patientAccount, path, { cookie: browser.cookieHeader() })).html!;

describe("the page after the app is replaced", () => {
  it("says the other sessions were closed, as they were: another browser signed in before is sent to sign in", async () => {
    const account = await anAccount();
    const other = await signedIn(account);
    const browser = await signedIn(account);
    const secret = await startReplacing(browser, account);
    const now = new Date();
    const answer = await browser.post("/compte/totp/confirmer", { code: totpCode(secret, now), currentCode: account.code(now) });
    expect(answer.headers.get("location")).toBe("/espace/compte?ok=totp");
    expect(await accountPage(browser, "/espace/compte?ok=totp")).toContain("Votre nouvelle application d&#x27;authentification est enregistrée. Vos autres sessions ont été fermées.");
    const closed = await servePage(patientAccount, "/espace/compte", { cookie: other.cookieHeader() });
    expect(closed.redirect).toMatch(/^\/connexion/);
  });
});

/** Moves the clock the server reads (Date) forward; the sessions stay well within their idle timeout. */
const moveClock = (ms: number) => vi.setSystemTime(new Date(Date.now() + ms));

describe("replacing the authenticator app just after signing in with a recovery code", () => {
  it("asks for no second code within the window: no other recovery code is spent, and the owner is still told", async () => {
    const account = await anAccount();
    const [first] = await regenerateRecoveryCodes(account.id, new Date());
    const browser = await signedInWithRecoveryCode(account, first!, "127.0.61.1");
    moveClock(RECENT_SECOND_FACTOR_MS - MINUTE);

    const page = await accountPage(browser, "/espace/compte?secours=1");
    expect(page).not.toContain('name="currentCode"');
    expect(page).toContain("aucun autre ne vous est demandé");
    const secret = (await accountForEnrolment(account.id))!.pendingTotpSecret!;
    const now = new Date();
    expect((await browser.post("/compte/totp/confirmer", { code: totpCode(secret, now) })).headers.get("location")).toBe("/espace/compte?ok=totp");

    expect(await remainingRecoveryCodes(account.id)).toBe(9);
    expect(await signsInWith(account, account.code, at(now, 30_000))).toBe(false);
    expect(await signsInWith(account, (t) => totpCode(secret, t), at(now, 60_000))).toBe(true);
    const { events, notices, mails } = await traces(account);
    expect(events).toBe(1);
    expect(notices).toEqual([{ kind: "second-factor-replaced", link: "/espace/compte#totp" }]);
    expect(mails.map((mail) => mail.kind)).toContain("notification-second-factor-replaced");
  });

  it("asks for the current factor again once the window has passed, as before", async () => {
    const account = await anAccount();
    const [first, second] = await regenerateRecoveryCodes(account.id, new Date());
    const browser = await signedInWithRecoveryCode(account, first!, "127.0.61.2");
    moveClock(RECENT_SECOND_FACTOR_MS + MINUTE);

    expect(await accountPage(browser, "/espace/compte?secours=1")).toContain('name="currentCode"');
    const secret = (await accountForEnrolment(account.id))!.pendingTotpSecret!;
    const now = new Date();
    expect((await browser.post("/compte/totp/confirmer", { code: totpCode(secret, now) })).headers.get("location")).toBe(
      "/espace/compte?erreur=totp-facteur-manquant&totp=nouveau#totp",
    );
    expect(await traces(account)).toEqual({ events: 0, notices: [], mails: [] });
    expect((await browser.post("/compte/totp/confirmer", { code: totpCode(secret, now), currentCode: second! })).headers.get("location")).toBe("/espace/compte?ok=totp");
    expect(await remainingRecoveryCodes(account.id)).toBe(8);
  });

  it("counts only for the session that signed in so, and for one replacement", async () => {
    const account = await anAccount();
    const [first] = await regenerateRecoveryCodes(account.id, new Date());
    // Another session of the account (a computer left signed in, a stolen cookie), not proved just now.
    const other = await signedIn(account);
    const browser = await signedInWithRecoveryCode(account, first!, "127.0.61.3");
    const secret = (await accountForEnrolment(account.id))!.pendingTotpSecret!;
    const now = new Date();
    expect((await other.post("/compte/totp/confirmer", { code: totpCode(secret, now) })).headers.get("location")).toBe("/espace/compte?erreur=totp-facteur-manquant&totp=nouveau#totp");

    expect((await browser.post("/compte/totp/confirmer", { code: totpCode(secret, now) })).headers.get("location")).toBe("/espace/compte?ok=totp");
    // The same session replaces the app once more, a minute later: the sign-in's proof has served.
    moveClock(MINUTE);
    const later = await startReplacing(browser, account);
    expect(await accountPage(browser, "/espace/compte?totp=nouveau")).toContain('name="currentCode"');
    expect((await browser.post("/compte/totp/confirmer", { code: totpCode(later, new Date()) })).headers.get("location")).toBe(
      "/espace/compte?erreur=totp-facteur-manquant&totp=nouveau#totp",
    );
    expect((await traces(account)).events).toBe(1);
  });
});
