import type { Patient } from "@medplum/fhirtypes";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as optionsForEnrolment } from "@/app/(auth)/activer/cle/options/route";
import { POST as enrol } from "@/app/(auth)/activer/cle/enregistrer/route";
import { POST as activationCode } from "@/app/(auth)/activer/etape/code/route";
import { POST as activationPassword } from "@/app/(auth)/activer/etape/mot-de-passe/route";
import { POST as finishActivation } from "@/app/(auth)/activer/etape/terminer/route";
import { POST as optionsForSignIn } from "@/app/(auth)/connexion/cle/options/route";
import { POST as passkeyVerify } from "@/app/(auth)/connexion/cle/verifier/route";
import { aPatient } from "@/lib/fhir/builders/people";
import { inviteAccount } from "@/server/accounts/invite-account";
import { regenerateRecoveryCodes } from "@/server/db/recovery-code-store";
import { systemRepository } from "@/server/fhir/repository";
import { startOutboxWorker, type OutboxWorker } from "@/server/mail/outbox-worker";
import { smtpTransport, type MailTransport } from "@/server/mail/transport";
import { NOTIFICATION_SUBJECT } from "@/server/notifications/notification-email";
import { useTestDatabase } from "../../setup/test-database";
import { startSmtpCatcher } from "../mail/smtp-catcher";
import { anAccount, anAddress, PASSWORD } from "./helpers";
import { SoftAuthenticator } from "./soft-authenticator";
import { signInRoutes } from "./sign-in-routes";
import { Browser, startTestServer } from "./test-server";


/**
 * Issue 15, "a sign-in from a new browser": over a real socket, the password step and the code
 * step (as next-auth's provider runs it), or a passkey; the notice is in the account's list and
 * its e-mail reaches a real SMTP server through the outbox worker. A database of its own: the
 * worker sends every due e-mail it finds.
 */
const db = useTestDatabase({ fresh: true });

const FIREFOX = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0";

let server: Awaited<ReturnType<typeof startTestServer>>;
let smtp: Awaited<ReturnType<typeof startSmtpCatcher>>;
let transport: MailTransport;
let worker: OutboxWorker;
beforeAll(async () => {
  server = await startTestServer({
    ...signInRoutes,
    "/activer/etape/code": activationCode,
    "/activer/etape/mot-de-passe": activationPassword,
    "/activer/etape/terminer": finishActivation,
    "/activer/cle/options": optionsForEnrolment,
    "/activer/cle/enregistrer": enrol,
    "/connexion/cle/options": optionsForSignIn,
    "/connexion/cle/verifier": passkeyVerify,
  });
  smtp = await startSmtpCatcher();
  transport = smtpTransport(smtp.url, "Espace santé <ne-pas-repondre@espace-sante.example>");
  worker = startOutboxWorker(db().sql, transport, { idleMs: 20, log: () => undefined });
});
afterAll(async () => {
  await worker.stop();
  transport.close();
  await smtp.close();
  await server.close();
});

type Account = Awaited<ReturnType<typeof anAccount>>;

async function signIn(browser: Browser, account: Account, code: { code: string; kind?: "recovery" }) {
  const password = await browser.post("/connexion/mot-de-passe", { email: account.email, password: PASSWORD }, { "user-agent": FIREFOX });
  expect(password.headers.get("location")).toBe("/connexion/code");
  const answer = await browser.post("/code", { code: code.code, kind: code.kind ?? "totp" }, { "user-agent": FIREFOX });
  expect(answer.status).toBe(200);
}

async function noticesOf(accountId: string) {
  return db().sql.query<{ kind: string; link: string; detail: string | null; patient_id: string | null }>(
    "SELECT kind, link, detail, patient_id FROM notification WHERE account_id = $1::uuid AND kind = 'new-sign-in' ORDER BY created_at",
    [accountId],
  );
}

async function outboxCount(email: string) {
  const [row] = await db().sql.query<{ n: string }>("SELECT count(*) AS n FROM email_outbox WHERE recipient = $1 AND kind = 'notification-new-sign-in'", [email]);
  return Number(row?.n ?? 0);
}

const mailsTo = (email: string) => smtp.mails.filter((mail) => mail.to.includes(email));

describe("a sign-in from a new browser", () => {
  it("tells the owner once, in the portal and by e-mail; the same browser again tells nothing", async () => {
    const account = await anAccount();
    const [recovery] = await regenerateRecoveryCodes(account.id, new Date());
    const browser = new Browser(server.base, anAddress());
    await signIn(browser, account, { code: account.code(new Date()) });

    expect(await noticesOf(account.id)).toEqual([
      { kind: "new-sign-in", link: "/espace/compte#sessions-title", detail: "Navigateur : Firefox, système : Windows.", patient_id: null },
    ]);
    await expect.poll(() => mailsTo(account.email).length, { timeout: 20_000 }).toBe(1);
    const [mail] = mailsTo(account.email);
    expect(mail!.subject).toBe(NOTIFICATION_SUBJECT);
    expect(mail!.text).toContain("Navigateur : Firefox, système : Windows.");
    expect(mail!.text).toMatch(/Connexion du \d{1,2}(?:er)? \S+ \d{4} à \d{2}:\d{2} \(heure de Paris\)/);
    expect(mail!.text).toContain("/espace/compte");
    expect(mail!.text).not.toContain(account.displayName);

    // Signed in again from the same browser (its device cookie): no new browser. With a recovery
    // code, though, the owner hears of it (below), from a known browser too.
    await signIn(browser, account, { code: recovery!, kind: "recovery" });
    expect(await noticesOf(account.id)).toHaveLength(1);
    expect(await outboxCount(account.email)).toBe(1);
  });

  it("a sign-in with a recovery code tells the owner, from a known browser too, with the codes left, in one notice and one e-mail", async () => {
    const account = await anAccount();
    const codes = await regenerateRecoveryCodes(account.id, new Date());
    const browser = new Browser(server.base, anAddress());
    await signIn(browser, account, { code: account.code(new Date()) });
    await expect.poll(() => mailsTo(account.email).length, { timeout: 20_000 }).toBe(1);

    await signIn(browser, account, { code: codes[0]!, kind: "recovery" });
    const notices = await db().sql.query<{ kind: string; link: string; patient_id: string | null }>(
      "SELECT kind, link, patient_id FROM notification WHERE account_id = $1::uuid ORDER BY created_at",
      [account.id],
    );
    expect(notices).toEqual([
      { kind: "new-sign-in", link: "/espace/compte#sessions-title", patient_id: null },
      { kind: "recovery-sign-in", link: "/espace/compte#sessions-title", patient_id: null },
    ]);
    await expect.poll(() => mailsTo(account.email).length, { timeout: 20_000 }).toBe(2);
    const mail = mailsTo(account.email)[1]!;
    expect(mail.text).toMatch(/Un de vos codes de secours a servi à vous connecter le \d{1,2}(?:er)? \S+ \d{4} à \d{2}:\d{2} \(heure de Paris\)\. Navigateur : Firefox, système : Windows\./);
    expect(mail.text).toContain(`il vous en reste ${codes.length - 1}.`);
    expect(mail.text).toContain("fermez cette session, changez votre mot de passe et créez de nouveaux codes de secours");
    expect(mail.text).not.toContain(account.displayName);

    // From a new browser, one notice says both: the recovery code's, naming the browser.
    await signIn(new Browser(server.base, anAddress()), account, { code: codes[1]!, kind: "recovery" });
    const kinds = (await db().sql.query<{ kind: string }>("SELECT kind FROM notification WHERE account_id = $1::uuid ORDER BY created_at", [account.id])).map((n) => n.kind);
    expect(kinds).toEqual(["new-sign-in", "recovery-sign-in", "recovery-sign-in"]);
    await expect.poll(() => mailsTo(account.email).length, { timeout: 20_000 }).toBe(3);
    expect(mailsTo(account.email)[2]!.text).toContain(`il vous en reste ${codes.length - 2}.`);
  });

  it("a browser without the device cookie, or with a forged one, is a new browser", async () => {
    const account = await anAccount();
    const usual = new Browser(server.base, anAddress());
    await signIn(usual, account, { code: account.code(new Date()) });
    const forged = new Browser(server.base, anAddress());
    const [name, value] = [...usual.jar].find(([cookie]) => cookie.includes("device"))!;
    forged.jar.set(name, `${value.split(".")[0]}.bm90LWEtc2lnbmF0dXJl`);
    // The app's next code (a code is used once; the next step's is within the accepted window).
    await signIn(forged, account, { code: account.code(new Date(Date.now() + 30_000)) });
    expect(await noticesOf(account.id)).toHaveLength(2);
    expect(await outboxCount(account.email)).toBe(2);
  });

  it("a professional is told too, with a link to the professional's account page", async () => {
    const pro = await anAccount({ kind: "practitioner" });
    await signIn(new Browser(server.base, anAddress()), pro, { code: pro.code(new Date()) });
    expect((await noticesOf(pro.id)).map((n) => n.link)).toEqual(["/pro/compte#sessions-title"]);
    expect(await outboxCount(pro.email)).toBe(1);
  });

  it("a refused code opens no session and tells nothing", async () => {
    const account = await anAccount();
    const browser = new Browser(server.base, anAddress());
    await browser.post("/connexion/mot-de-passe", { email: account.email, password: PASSWORD });
    const wrong = account.code(new Date()) === "000000" ? "111111" : "000000";
    expect((await browser.post("/code", { code: wrong })).status).toBe(401);
    expect(await noticesOf(account.id)).toEqual([]);
    expect(await outboxCount(account.email)).toBe(0);
  });

  it("by passkey: the browser that activated the account is known; another one is new", async () => {
    const patient = await (await systemRepository("new-sign-in-tests")).create<Patient>(aPatient({ birthDate: "1990-05-06" }));
    const email = `new-sign-in-${patient.id}@example.org`;
    const invited = await inviteAccount({ kind: "patient", resourceId: patient.id!, email, now: new Date() });
    if (!invited.ok) throw new Error(invited.reason);
    const home = new Browser(server.base, anAddress());
    await home.post("/activer/etape/code", { code: invited.code, birthDate: "1990-05-06" });
    const password = "girafe nuage tournevis printemps";
    await home.post("/activer/etape/mot-de-passe", { password, confirm: password });
    const authenticator = new SoftAuthenticator("http://localhost:3000", "localhost");
    const enrolment = (await (await home.postJson("/activer/cle/options")).json()) as { challenge: string };
    expect((await home.postJson("/activer/cle/enregistrer", authenticator.register(enrolment.challenge))).status).toBe(200);
    expect((await home.post("/activer/etape/terminer", {})).headers.get("location")).toBe("/");

    const signInWithKey = async (browser: Browser) => {
      const options = (await (await browser.postJson("/connexion/cle/options")).json()) as { challenge: string };
      expect((await browser.postJson("/connexion/cle/verifier", authenticator.assert(options.challenge))).status).toBe(200);
    };
    await signInWithKey(home);
    expect(await noticesOf(invited.accountId)).toEqual([]);
    await signInWithKey(new Browser(server.base, anAddress()));
    expect(await noticesOf(invited.accountId)).toHaveLength(1);
    expect(await outboxCount(email)).toBe(1);
  });
});
