import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as newRecoveryCodes } from "@/app/compte/codes-secours/route";
import { POST as keyOptions } from "@/app/compte/cle/options/route";
import { POST as registerKey } from "@/app/compte/cle/enregistrer/route";
import { POST as removeKey } from "@/app/compte/cle/retirer/route";
import { POST as changePassword } from "@/app/compte/mot-de-passe/route";
import { POST as resetChange } from "@/app/(auth)/connexion/oubli/changer/route";
import { POST as resetSend } from "@/app/(auth)/connexion/oubli/envoyer/route";
import * as patientAccountPage from "@/pages/espace/compte";
import * as patientNotifications from "@/pages/espace/notifications";
import * as proNotifications from "@/pages/pro/notifications";
import { ACCOUNT_CHANGES } from "@/lib/notifications/account-change-lines";
import { KIND_INFO } from "@/lib/notifications/kinds";
import { addDaysToDay, parisDayOf } from "@/lib/dates/paris-day";
import { aPatient } from "@/lib/fhir/builders/people";
import { aDelegation, aGuardianship } from "@/lib/fhir/builders/rules";
import { totpCode } from "@/server/auth/totp";
import { createAccount } from "@/server/db/account-store";
import { addPasskey, countPasskeys, removePasskey } from "@/server/db/passkey-store";
import type { Queryable } from "@/server/db/queryable";
import { regenerateRecoveryCodes } from "@/server/db/recovery-code-store";
import { systemRepository } from "@/server/fhir/repository";
import { startOutboxWorker, type OutboxWorker } from "@/server/mail/outbox-worker";
import { smtpTransport, type MailTransport } from "@/server/mail/transport";
import { NOTIFICATION_SUBJECT, SECURITY_ALWAYS_LINE } from "@/server/notifications/notification-email";
import { notify } from "@/server/notifications/notify";
import { changeAndTellOwner } from "@/server/notifications/account-change-notice";
import { useTestDatabase } from "../../setup/test-database";
import { sessionOf, warmUpValidator } from "../fhir-api/http";
import { startSmtpCatcher } from "../mail/smtp-catcher";
import { servePage } from "../pages/pages-route";
import { anAccount, anAddress, PASSWORD } from "./helpers";
import { signedInBrowser } from "./signed-in-browser";
import { SoftAuthenticator } from "./soft-authenticator";
import { Browser, startTestServer } from "./test-server";

/**
 * Every change to how an account is opened is told to its owner, in the portal and by e-mail,
 * through the routes over a real socket: a password changed in « Mon compte » or reset from its
 * link, a passkey added or removed, new recovery codes (linked identities: oidc-change-notices.test.ts).
 * Before, none of them left a notice: an intruder holding a session could add a passkey of his
 * own and the owner never heard of it. A refused change tells nothing; the notice is the
 * account's, so a guardian or a caregiver of the owner's space does not see it. A database of its
 * own: the outbox worker sends every due e-mail it finds to a real SMTP server.
 */
const db = useTestDatabase({ fresh: true });

let server: Awaited<ReturnType<typeof startTestServer>>;
let smtp: Awaited<ReturnType<typeof startSmtpCatcher>>;
let transport: MailTransport;
let worker: OutboxWorker;
beforeAll(async () => {
  warmUpValidator();
  server = await startTestServer({
    "/compte/mot-de-passe": changePassword,
    "/connexion/oubli/envoyer": resetSend,
    "/connexion/oubli/changer": resetChange,
    "/compte/cle/options": keyOptions,
    "/compte/cle/enregistrer": registerKey,
    "/compte/cle/retirer": removeKey,
    "/compte/codes-secours": newRecoveryCodes,
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

const NEW_PASSWORD = "tournesol baleine escalier violon";

/** The account's notices of these changes (its sign-ins are told too: not what is looked at here). */
async function noticesOf(accountId: string) {
  return db().sql.query<{ kind: string; link: string; patient_id: string | null }>(
    "SELECT kind, link, patient_id FROM notification WHERE account_id = $1::uuid AND kind = ANY($2::text[]) ORDER BY created_at",
    [accountId, [...ACCOUNT_CHANGES]],
  );
}

/** The e-mails of these notices queued for `email` (the outbox the worker sends from). */
async function mailsQueued(email: string) {
  return db().sql.query<{ kind: string; subject: string; text_body: string }>(
    "SELECT kind, subject, text_body FROM email_outbox WHERE recipient = $1 AND kind = ANY($2::text[]) ORDER BY created_at",
    [email, ACCOUNT_CHANGES.map((change) => `notification-${change}`)],
  );
}

/** Nothing of the person in the e-mail: the subject and fixed sentences, our own links. */
function expectNothingPersonal(text: string, account: { email: string; displayName: string }) {
  expect(text).not.toContain(account.displayName);
  expect(text).not.toContain(account.email);
  expect(text).not.toMatch(/Alex|Durand|Lina|Veille|Sarah|Aidante/);
}

const where = (answer: Response) => answer.headers.get("location");

describe("a change to how the account is opened is told to its owner", () => {
  it("a passkey added from a session: the notice is in the owner's list, its e-mail reaches the mailbox through the outbox worker", async () => {
    const account = await anAccount();
    const browser = await signedInBrowser(server.base, account);
    const options = await browser.post("/compte/cle/options", { code: account.code(new Date()) });
    expect(options.status).toBe(200);
    const { challenge } = (await options.json()) as { challenge: string };
    const authenticator = new SoftAuthenticator("http://localhost:3000", "localhost");
    expect((await browser.postJson("/compte/cle/enregistrer", authenticator.register(challenge))).status).toBe(200);
    expect(await countPasskeys(account.id)).toBe(1);

    expect(await noticesOf(account.id)).toEqual([{ kind: "passkey-added", link: "/espace/compte", patient_id: null }]);
    const list = (await servePage(patientNotifications, "/espace/notifications", { cookie: browser.cookieHeader() })).html!;
    expect(list.replaceAll("&#x27;", "'")).toContain("Une clé d'accès a été ajoutée à votre compte.");

    await expect.poll(() => smtp.mails.filter((mail) => mail.to.includes(account.email) && mail.text.includes("clé d'accès")).length, { timeout: 20_000 }).toBe(1);
    const mail = smtp.mails.find((m) => m.to.includes(account.email) && m.text.includes("clé d'accès"))!;
    expect(mail.subject).toBe(NOTIFICATION_SUBJECT);
    expect(mail.text).toMatch(/Une clé d'accès a été ajoutée à votre compte le \d{1,2}(?:er)? \S+ \d{4} à \d{2}:\d{2} \(heure de Paris\)\./);
    expect(mail.text).toContain("Si ce n'était pas vous, retirez cette clé d'accès et changez votre mot de passe depuis « Mon compte » : http://localhost:3000/espace/compte");
    expectNothingPersonal(mail.text, account);
  });

  it("a refused addition, removal, new codes or password change (wrong code) tells nothing; the accepted one after tells only itself", async () => {
    const account = await anAccount();
    const credential = `cle-${account.id}`;
    await addPasskey({ credentialId: credential, accountId: account.id, publicKey: new Uint8Array([1, 2, 3]), counter: 0, transports: [], name: "Téléphone", now: new Date() });
    const browser = await signedInBrowser(server.base, account);
    const wrong = account.code(new Date()) === "000000" ? "111111" : "000000";
    expect((await browser.post("/compte/cle/options", { code: wrong })).status).toBe(403);
    expect(where(await browser.post("/compte/cle/retirer", { credential, code: wrong }))).toBe("/espace/compte?erreur=cle-retrait-facteur");
    expect(where(await browser.post("/compte/codes-secours", { code: wrong }))).toBe("/espace/compte?erreur=facteur");
    expect(where(await browser.post("/compte/mot-de-passe", { currentPassword: PASSWORD, newPassword: NEW_PASSWORD, code: wrong }))).toBe("/espace/compte?erreur=mot-de-passe-code");
    expect(await countPasskeys(account.id)).toBe(1);
    expect(await noticesOf(account.id)).toEqual([]);
    expect(await mailsQueued(account.email)).toEqual([]);
    // Then the right code: that one change, and only it, is told.
    expect(where(await browser.post("/compte/cle/retirer", { credential, code: account.code(new Date(Date.now() + 30_000)) }))).toBe("/espace/compte?ok=cle-retiree");
    expect((await noticesOf(account.id)).map((n) => n.kind)).toEqual(["passkey-removed"]);
    expect((await mailsQueued(account.email)).map((m) => m.kind)).toEqual(["notification-passkey-removed"]);
  });

  it("a passkey removed, new recovery codes, a password changed: one notice each, each e-mailed with what to do if it was not the owner", async () => {
    const account = await anAccount();
    const [recovery] = await regenerateRecoveryCodes(account.id, new Date());
    const credential = `cle-${account.id}`;
    await addPasskey({ credentialId: credential, accountId: account.id, publicKey: new Uint8Array([4, 5, 6]), counter: 0, transports: [], name: "Tablette", now: new Date() });
    const browser = await signedInBrowser(server.base, account);

    expect(where(await browser.post("/compte/cle/retirer", { credential, code: account.code(new Date()) }))).toBe("/espace/compte?ok=cle-retiree");
    const codes = where(await browser.post("/compte/codes-secours", { code: recovery! }))!;
    expect(codes).toMatch(/^\/espace\/compte\?codes=/);
    // The codes are made as the page shows them, once: the notice with them.
    expect((await servePage(patientAccountPage, codes, { cookie: browser.cookieHeader() })).status).toBe(200);
    // The next step's code (the one before is spent).
    const next = account.code(new Date(Date.now() + 30_000));
    expect(where(await browser.post("/compte/mot-de-passe", { currentPassword: PASSWORD, newPassword: NEW_PASSWORD, code: next }))).toBe("/espace/compte?ok=mot-de-passe");

    expect(await noticesOf(account.id)).toEqual([
      { kind: "passkey-removed", link: "/espace/compte", patient_id: null },
      { kind: "recovery-codes-regenerated", link: "/espace/compte", patient_id: null },
      { kind: "password-changed", link: "/espace/compte", patient_id: null },
    ]);
    const mails = await mailsQueued(account.email);
    expect(mails.map((m) => m.kind)).toEqual(["notification-passkey-removed", "notification-recovery-codes-regenerated", "notification-password-changed"]);
    expect(mails[0]!.text_body).toContain("Une clé d'accès a été retirée de votre compte le ");
    expect(mails[1]!.text_body).toContain("De nouveaux codes de secours ont été créés pour votre compte (les anciens ne fonctionnent plus) le ");
    expect(mails[2]!.text_body).toContain("Le mot de passe de votre compte a été changé le ");
    expect(mails[2]!.text_body).toContain("Si ce n'était pas vous, réinitialisez votre mot de passe : http://localhost:3000/connexion/oubli");
    for (const mail of mails) {
      expect(mail.subject).toBe(NOTIFICATION_SUBJECT);
      expect(mail.text_body).toContain("Elle concerne la sécurité de votre espace");
      // Its link to the preferences is no way to stop it: the e-mail says so.
      expect(mail.text_body).toContain(`${SECURITY_ALWAYS_LINE}\nPour choisir les notifications que vous recevez aussi par e-mail : `);
      expectNothingPersonal(mail.text_body, account);
    }
    // The same page shown again makes no codes, and tells nothing more.
    await servePage(patientAccountPage, codes, { cookie: browser.cookieHeader() });
    expect(await noticesOf(account.id)).toHaveLength(3);
  });

  it("a password reset from its link: told, with the ways in it leaves (passkeys and linked identities); a wrong code tells nothing", async () => {
    const account = await anAccount();
    await addPasskey({ credentialId: `cle-${account.id}`, accountId: account.id, publicKey: new Uint8Array([7]), counter: 0, transports: [], name: "Téléphone", now: new Date() });
    const browser = new Browser(server.base, anAddress());
    expect(where(await browser.post("/connexion/oubli/envoyer", { email: account.email }))).toBe("/connexion/oubli?envoye=1");
    const [link] = await db().sql.query<{ text_body: string }>("SELECT text_body FROM email_outbox WHERE recipient = $1 AND kind = 'account-password-reset'", [account.email]);
    const token = link!.text_body.match(/jeton=([A-Za-z0-9_-]{43})/)![1]!;

    const wrong = account.code(new Date()) === "000000" ? "111111" : "000000";
    expect(where(await browser.post("/connexion/oubli/changer", { token, newPassword: NEW_PASSWORD, code: wrong }))).toContain("erreur=facteur");
    expect(await noticesOf(account.id)).toEqual([]);
    expect(await mailsQueued(account.email)).toEqual([]);

    expect(where(await browser.post("/connexion/oubli/changer", { token, newPassword: NEW_PASSWORD, code: account.code(new Date()) }))).toBe("/connexion?erreur=reinitialise");
    expect(await noticesOf(account.id)).toEqual([{ kind: "password-reset", link: "/espace/compte", patient_id: null }]);
    const [mail] = await mailsQueued(account.email);
    expect(mail!.text_body).toContain("Le mot de passe de votre compte a été réinitialisé le ");
    expect(mail!.text_body).toContain("Votre compte a aussi 1 clé d'accès, qui permet toujours de vous connecter sans mot de passe : une réinitialisation ne les retire pas.");
    expect(mail!.text_body).toContain("Si ce n'était pas vous, réinitialisez à nouveau votre mot de passe, puis retirez dans « Mon compte » ce que vous ne reconnaissez pas : http://localhost:3000/connexion/oubli");
    expectNothingPersonal(mail!.text_body, account);
  });

  it("a professional's account is told the same, leading to /pro/compte, in the professional's list", async () => {
    const pro = await anAccount({ kind: "practitioner" });
    const credential = `cle-${pro.id}`;
    await addPasskey({ credentialId: credential, accountId: pro.id, publicKey: new Uint8Array([8]), counter: 0, transports: [], name: "Cabinet", now: new Date() });
    const browser = await signedInBrowser(server.base, pro);
    expect(where(await browser.post("/compte/cle/retirer", { credential, code: pro.code(new Date()) }))).toBe("/pro/compte?ok=cle-retiree");
    expect(await noticesOf(pro.id)).toEqual([{ kind: "passkey-removed", link: "/pro/compte", patient_id: null }]);
    const list = (await servePage(proNotifications, "/pro/notifications", { cookie: browser.cookieHeader() })).html!.replaceAll("&#x27;", "'");
    expect(list).toContain("Une clé d'accès a été retirée de votre compte.");
    const [mail] = await mailsQueued(pro.email);
    expect(mail!.text_body).toContain("http://localhost:3000/pro/compte");
    expect(mail!.text_body).toContain("http://localhost:3000/pro/notifications/preferences");
  });
});

describe("the owner's notice is not her space's", () => {
  // Lina is 16, with an account of her own: her mother is her guardian, Nora a caregiver with the history right.
  it("her guardian and her caregiver (with the history right), in her space, do not see it; she does", async () => {
    const system = await systemRepository("account-change-notices-tests");
    const lina = (await system.create(aPatient({ given: "Lina", family: "Veille", birthDate: `${new Date().getUTCFullYear() - 16}-02-03` }))).id!;
    const totpSecret = "LINAVEILLETOTPSECRET";
    const ownerEmail = `lina-${randomUUID()}@example.org`;
    const owner = await createAccount({ email: ownerEmail, password: PASSWORD, totpSecret, kind: "patient", fhirRef: `Patient/${lina}`, displayName: "Lina Veille" });
    const helperOf = async (given: string) => {
      const id = (await system.create(aPatient({ given, family: "Aidante" }))).id!;
      const email = `${given.toLowerCase()}-${randomUUID()}@example.org`;
      return { id, email, account: await createAccount({ email, password: PASSWORD, totpSecret: null, kind: "patient", fhirRef: `Patient/${id}`, displayName: `${given} Aidante` }) };
    };
    const guardian = await helperOf("Sarah");
    const caregiver = await helperOf("Nora");
    await system.create(aGuardianship({ patientId: lina, agentPatientId: guardian.id, scopes: [] }));
    await system.create(aDelegation({ patientId: lina, agentPatientId: caregiver.id, agentName: { given: "Nora", family: "Aidante" }, scopes: ["documents:read", "audit:read"], end: addDaysToDay(parisDayOf(new Date()), 60) }));
    // A notice of her space, which both do read there: the page they see does list Lina's notices.
    await notify(db().sql, { patientId: lina, kind: "pro-first-access" });

    const credential = `cle-${owner.id}`;
    await addPasskey({ credentialId: credential, accountId: owner.id, publicKey: new Uint8Array([9]), counter: 0, transports: [], name: "Téléphone", now: new Date() });
    const browser = await signedInBrowser(server.base, owner);
    expect(where(await browser.post("/compte/cle/retirer", { credential, code: totpCode(totpSecret, new Date()) }))).toBe("/espace/compte?ok=cle-retiree");

    const text = KIND_INFO["passkey-removed"].text;
    const theirs = KIND_INFO["passkey-removed"].theirs.replace("{person}", "Lina Veille");
    const read = async (cookie: string) => (await servePage(patientNotifications, "/espace/notifications", { cookie, framed: true })).html!.replaceAll("&#x27;", "'");
    expect(await read(browser.cookieHeader())).toContain(text);
    for (const helper of [guardian, caregiver]) {
      const page = await read((await sessionOf(helper.account, lina)).cookie);
      expect(page).toContain("Un professionnel de santé a consulté le dossier de Lina Veille pour la première fois.");
      expect(page).not.toContain(text);
      expect(page).not.toContain(theirs);
      expect(page).not.toContain("clé d'accès");
      // Nor by e-mail: only the owner's address has it.
      expect(await mailsQueued(helper.email)).toEqual([]);
    }
    expect((await mailsQueued(ownerEmail)).map((m) => m.kind)).toEqual(["notification-passkey-removed"]);
  });
});

describe("the change, its trail row and its notice commit together", () => {
  it("a notice that cannot be written leaves the change undone: no passkey removed unannounced", async () => {
    const account = await anAccount();
    const credential = `cle-${account.id}`;
    await addPasskey({ credentialId: credential, accountId: account.id, publicKey: new Uint8Array([3]), counter: 0, transports: [], name: "Téléphone", now: new Date() });
    // A kind the catalogue does not know: notify() throws after the key's deletion, inside the transaction.
    const remove = (q: Queryable) => removePasskey(account.id, credential, q);
    await expect(changeAndTellOwner(account, "not-a-kind" as never, { at: new Date() }, remove)).rejects.toThrow();
    expect(await countPasskeys(account.id)).toBe(1);
    expect(await db().sql.query("SELECT 1 FROM account_event WHERE account_id = $1::uuid AND kind = 'passkey-removed'", [account.id])).toEqual([]);

    expect(await changeAndTellOwner(account, "passkey-removed", { at: new Date() }, remove)).toBe(true);
    expect(await countPasskeys(account.id)).toBe(0);
    expect((await noticesOf(account.id)).map((n) => n.kind)).toEqual(["passkey-removed"]);
  });
});
