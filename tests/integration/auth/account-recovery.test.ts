import type { Patient } from "@medplum/fhirtypes";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as codeRoute } from "@/app/(auth)/activer/etape/code/route";
import { POST as passwordRoute } from "@/app/(auth)/activer/etape/mot-de-passe/route";
import { POST as totpRoute } from "@/app/(auth)/activer/etape/totp/route";
import { POST as finishRoute } from "@/app/(auth)/activer/etape/terminer/route";
import { POST as keyOptionsForActivation } from "@/app/(auth)/activer/cle/options/route";
import { POST as registerKeyAtActivation } from "@/app/(auth)/activer/cle/enregistrer/route";
import { POST as keyOptionsForSignIn } from "@/app/(auth)/connexion/cle/options/route";
import { POST as verifyKey } from "@/app/(auth)/connexion/cle/verifier/route";
import * as documentsPage from "@/pages/espace/documents";
import * as patientAccountPage from "@/pages/espace/compte";
import { aPatient } from "@/lib/fhir/builders/people";
import { inviteAccount } from "@/server/accounts/invite-account";
import { recoverAccount } from "@/server/accounts/recover-account";
import { totpCode } from "@/server/auth/totp";
import { accountForEnrolment } from "@/server/db/account-enrolment-store";
import { regenerateRecoveryCodes } from "@/server/db/recovery-code-store";
import { env } from "@/server/env";
import { systemRepository } from "@/server/fhir/repository";
import { NOTIFICATION_SUBJECT } from "@/server/notifications/notification-email";
import { useTestDatabase } from "../../setup/test-database";
import { fhir, warmUpValidator } from "../fhir-api/http";
import { deliverOutboxOf } from "../mail/deliver-outbox";
import { servePage } from "../pages/pages-route";
import { anAddress } from "./helpers";
import { signInRoutes } from "./sign-in-routes";
import { isSignedIn } from "./sign-in-ways";
import { SoftAuthenticator } from "./soft-authenticator";
import { Browser, startTestServer } from "./test-server";

/**
 * `npm run account:recover` through its use case (recover-account.ts), then every door a person
 * or a thief would try, over a real socket: the old TOTP app, the old passkey, an old recovery
 * code, the old session and the old password no longer open anything; the new code with the
 * birth date at /activer leads to a new password, a new second factor and the documents. The
 * holder's e-mail reaches a real SMTP server through the outbox worker, and says nothing of her
 * record. A database of its own: the worker sends every due e-mail it finds.
 */
const db = useTestDatabase({ fresh: true });

const smtp = deliverOutboxOf(db);

let server: Awaited<ReturnType<typeof startTestServer>>;
beforeAll(async () => {
  warmUpValidator();
  server = await startTestServer(
    {
      "/activer/etape/code": codeRoute,
      "/activer/etape/mot-de-passe": passwordRoute,
      "/activer/etape/totp": totpRoute,
      "/activer/etape/terminer": finishRoute,
      "/activer/cle/options": keyOptionsForActivation,
      "/activer/cle/enregistrer": registerKeyAtActivation,
      "/connexion/cle/options": keyOptionsForSignIn,
      "/connexion/cle/verifier": verifyKey,
      ...signInRoutes,
    },
    // Behind one trusted proxy, so each browser has an address of its own (X-Forwarded-For).
    1,
  );
});
afterAll(() => server.close());

const BIRTH_DATE = "1979-08-23";
const PASSWORD = "girafe nuage tournevis printemps";
const NEW_PASSWORD = "tournesol baleine escalier violon";
const where = (response: Response) => response.headers.get("location");

/** A patient whose account was activated through the routes with a TOTP app and a passkey, signed in, with her recovery codes. */
async function activatedPatient() {
  const patient = await (await systemRepository("recovery-tests")).create<Patient>(aPatient({ given: "Maëlle", family: "Recouvre", birthDate: BIRTH_DATE }));
  const email = `recovery-${patient.id}@example.org`;
  const invited = await inviteAccount({ kind: "patient", resourceId: patient.id!, email, now: new Date() });
  if (!invited.ok) throw new Error(invited.reason);
  const browser = new Browser(server.base, anAddress());
  expect(where(await browser.post("/activer/etape/code", { code: invited.code, birthDate: BIRTH_DATE }))).toBe("/activer/mot-de-passe");
  expect(where(await browser.post("/activer/etape/mot-de-passe", { password: PASSWORD, confirm: PASSWORD }))).toBe("/activer/second-facteur");
  const secret = (await accountForEnrolment(invited.accountId))!.pendingTotpSecret!;
  expect(where(await browser.post("/activer/etape/totp", { code: totpCode(secret, new Date()) }))).toBe("/activer/codes-secours");
  const authenticator = new SoftAuthenticator("http://localhost:3000", "localhost");
  const { challenge } = (await (await browser.postJson("/activer/cle/options")).json()) as { challenge: string };
  expect((await browser.postJson("/activer/cle/enregistrer", authenticator.register(challenge))).status).toBe(200);
  const codes = await regenerateRecoveryCodes(invited.accountId, new Date());
  expect(where(await browser.post("/activer/etape/terminer", {}))).toBe("/");
  return { patientId: patient.id!, accountId: invited.accountId, email, browser, secret, authenticator, codes };
}

/** A browser past the password step, waiting for its code. */
async function waitingForCode(email: string, password = PASSWORD): Promise<Browser> {
  const browser = new Browser(server.base, anAddress());
  expect(where(await browser.post("/connexion/mot-de-passe", { email, password }))).toBe("/connexion/code");
  return browser;
}

async function passkeySignIn(authenticator: SoftAuthenticator): Promise<Response> {
  const browser = new Browser(server.base, anAddress());
  const { challenge } = (await (await browser.postJson("/connexion/cle/options")).json()) as { challenge: string };
  return browser.postJson("/connexion/cle/verifier", authenticator.assert(challenge));
}

/** /activer with the code and birth date, a new password and a new TOTP app: the browser, signed in. */
async function reactivate(code: string, accountId: string): Promise<{ browser: Browser; secret: string }> {
  const browser = new Browser(server.base, anAddress());
  expect(where(await browser.post("/activer/etape/code", { code, birthDate: BIRTH_DATE }))).toBe("/activer/mot-de-passe");
  expect(where(await browser.post("/activer/etape/mot-de-passe", { password: NEW_PASSWORD, confirm: NEW_PASSWORD }))).toBe("/activer/second-facteur");
  const secret = (await accountForEnrolment(accountId))!.pendingTotpSecret!;
  expect(where(await browser.post("/activer/etape/totp", { code: totpCode(secret, new Date()) }))).toBe("/activer/codes-secours");
  expect(where(await browser.post("/activer/etape/terminer", {}))).toBe("/");
  return { browser, secret };
}

describe("recovery of an account by the assistance (npm run account:recover)", () => {
  it("closes every old way in, and the new code with the birth date opens the account again, up to the documents", async () => {
    const before = await activatedPatient();
    expect(await isSignedIn(before.browser)).toBe(true);
    // Sign-ins started before the recovery, stopped at the code step.
    const withApp = await waitingForCode(before.email);
    const withRecoveryCode = await waitingForCode(before.email);

    const recovered = await recoverAccount({ kind: "patient", resourceId: before.patientId, operator: "Test Assistance", now: new Date() });
    if (!recovered.ok) throw new Error(recovered.reason);
    expect(recovered.accountId).toBe(before.accountId);

    // The old session: pages send it to sign in, the API answers 401.
    expect(await isSignedIn(before.browser)).toBe(false);
    expect((await fhir("GET", `Patient/${before.patientId}`, { cookie: before.browser.cookieHeader() })).status).toBe(401);
    // The old app's code and an old recovery code, on sign-ins past their password step.
    expect((await withApp.post("/code", { code: totpCode(before.secret, new Date()), kind: "totp" })).status).toBe(401);
    expect((await withRecoveryCode.post("/code", { code: before.codes[0]!, kind: "recovery" })).status).toBe(401);
    // The old password no longer reaches the code step, and the old passkey opens nothing.
    const oldPassword = await new Browser(server.base, anAddress()).post("/connexion/mot-de-passe", { email: before.email, password: PASSWORD });
    expect(where(oldPassword)).not.toBe("/connexion/code");
    expect((await passkeySignIn(before.authenticator)).status).not.toBe(200);

    const after = await reactivate(recovered.code, before.accountId);
    expect(after.secret).not.toBe(before.secret);
    expect((await servePage(documentsPage, "/espace/documents", { cookie: after.browser.cookieHeader() })).status).toBe(200);
    // The new password and app sign in; the old passkey still does not (it was removed, not kept aside).
    const signIn = await waitingForCode(before.email, NEW_PASSWORD);
    expect((await signIn.post("/code", { code: totpCode(after.secret, new Date(Date.now() + 30_000)), kind: "totp" })).status).toBe(200);
    expect((await passkeySignIn(before.authenticator)).status).not.toBe(200);

    // « Mon compte »'s list of changes says what the assistance did.
    const account = (await servePage(patientAccountPage, "/espace/compte", { cookie: after.browser.cookieHeader() })).html!.replaceAll("&#x27;", "'");
    expect(account).toContain("Moyens de connexion retirés par l'assistance du service (compte à réactiver)");
    // Who at the assistance did it stays in the trail, not on her page.
    expect(account).not.toContain("Test Assistance");
    const trail = await db().sql.query<{ detail: string }>("SELECT detail FROM account_event WHERE account_id = $1::uuid AND kind = 'second-factors-removed'", [before.accountId]);
    expect(trail.map((row) => row.detail)).toEqual(["assistance : Test Assistance"]);
    // Two activations and six sign-in attempts, each hashing a password: slow on a loaded machine.
  }, 90_000);

  it("tells the holder by e-mail at the account's address, with the date and the assistance's contact, and nothing of her record", async () => {
    const before = await activatedPatient();
    const recovered = await recoverAccount({ kind: "patient", resourceId: before.patientId, operator: "Test Assistance", now: new Date("2026-12-07T09:30:00Z") });
    expect(recovered.ok).toBe(true);
    const start = Date.now();
    let mail = smtp().mails.find((m) => m.to.includes(before.email) && m.text.includes("assistance"));
    while (!mail && Date.now() - start < 20_000) {
      await new Promise((r) => setTimeout(r, 20));
      mail = smtp().mails.find((m) => m.to.includes(before.email) && m.text.includes("assistance"));
    }
    expect(mail).toBeDefined();
    expect(mail!.subject).toBe(NOTIFICATION_SUBJECT);
    expect(mail!.text).toContain("ont été retirés à la suite de la demande faite à l'assistance le 7 décembre 2026 à 10:30 (heure de Paris).");
    expect(mail!.text).toContain(`contactez sans attendre l'assistance, avant que quelqu'un d'autre n'active votre compte : ${env().ASSISTANCE_CONTACT}`);
    // No sign-in works until she activates again: the e-mail sends her to the activation, not to « Connectez-vous ».
    expect(mail!.text).toContain(`Vous la lirez après avoir réactivé votre compte : ${env().APP_URL.replace(/\/+$/, "")}/activer`);
    expect(mail!.text).not.toContain("Connectez-vous");
    // No name, birth date, record, nor the code itself: the code goes by the assistance's channel.
    expect(mail!.text).not.toMatch(/Maëlle|Recouvre|1979|23\/08|Patient\//);
    expect(mail!.text).not.toContain(recovered.ok ? recovered.code : "?");
    expect(mail!.raw).not.toContain(recovered.ok ? recovered.code.replaceAll("-", "") : "?");
  });

  it("a second run replaces the first code: the first reads as spent, the second activates", async () => {
    const before = await activatedPatient();
    const first = await recoverAccount({ kind: "patient", resourceId: before.patientId, operator: "Test Assistance", now: new Date() });
    const second = await recoverAccount({ kind: "patient", resourceId: before.patientId, operator: "Test Assistance", now: new Date() });
    if (!first.ok || !second.ok) throw new Error("recovery refused");
    expect(where(await new Browser(server.base, anAddress()).post("/activer/etape/code", { code: first.code, birthDate: BIRTH_DATE }))).toBe("/activer?erreur=utilise");
    // Without the birth date, the new code alone opens nothing.
    expect(where(await new Browser(server.base, anAddress()).post("/activer/etape/code", { code: second.code, birthDate: "1979-08-24" }))).toBe("/activer?erreur=1");
    await reactivate(second.code, before.accountId);
  });

  it("refuses an unknown id and an account never activated, and changes nothing", async () => {
    expect(await recoverAccount({ kind: "patient", resourceId: "3f1c9c1e-0000-4000-8000-000000000000", operator: " \n\t ", now: new Date() })).toEqual({ ok: false, reason: "no-operator" });
    expect(await recoverAccount({ kind: "patient", resourceId: "3f1c9c1e-0000-4000-8000-000000000000", operator: "Test Assistance", now: new Date() })).toEqual({ ok: false, reason: "no-account" });
    expect(await recoverAccount({ kind: "patient", resourceId: "not-an-id", operator: "Test Assistance", now: new Date() })).toEqual({ ok: false, reason: "no-account" });
    const patient = await (await systemRepository("recovery-tests")).create<Patient>(aPatient({ birthDate: BIRTH_DATE }));
    const invited = await inviteAccount({ kind: "patient", resourceId: patient.id!, email: `never-${patient.id}@example.org`, now: new Date() });
    if (!invited.ok) throw new Error(invited.reason);
    expect(await recoverAccount({ kind: "patient", resourceId: patient.id!, operator: "Test Assistance", now: new Date() })).toEqual({ ok: false, reason: "never-activated" });
    // The invitation's code still works, and no e-mail or trail row was written.
    expect(where(await new Browser(server.base, anAddress()).post("/activer/etape/code", { code: invited.code, birthDate: BIRTH_DATE }))).toBe("/activer/mot-de-passe");
    const rows = await db().sql.query("SELECT 1 FROM account_event WHERE account_id = $1::uuid AND kind = 'second-factors-removed'", [invited.accountId]);
    expect(rows).toHaveLength(0);
  });

  it("an account waiting for its re-activation is no invitation's to take: account:invite refuses it", async () => {
    const before = await activatedPatient();
    expect((await recoverAccount({ kind: "patient", resourceId: before.patientId, operator: "Test Assistance", now: new Date() })).ok).toBe(true);
    expect(await inviteAccount({ kind: "patient", resourceId: before.patientId, email: `other-${before.patientId}@example.org`, now: new Date() })).toEqual({ ok: false, reason: "already-active" });
  });
});
