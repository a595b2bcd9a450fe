import { randomUUID } from "node:crypto";
import type { Patient } from "@medplum/fhirtypes";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as startOnSignInPage } from "@/app/(auth)/connexion/oidc/demarrer/route";
import { POST as signInOptions } from "@/app/(auth)/connexion/cle/options/route";
import { POST as signInVerify } from "@/app/(auth)/connexion/cle/verifier/route";
import { POST as resetChange } from "@/app/(auth)/connexion/oubli/changer/route";
import { POST as resetSend } from "@/app/(auth)/connexion/oubli/envoyer/route";
import { POST as askAddressChange } from "@/app/compte/adresse/route";
import { POST as confirmAddressChange } from "@/app/compte/adresse/confirmer/envoyer/route";
import { POST as closeRoute } from "@/app/compte/cloturer/route";
import { POST as keyRegister } from "@/app/compte/cle/enregistrer/route";
import { POST as keyOptions } from "@/app/compte/cle/options/route";
import { aPatient } from "@/lib/fhir/builders/people";
import { t } from "@/lib/i18n/messages";
import * as signInPage from "@/pages/connexion/index";
import { recoverAccount } from "@/server/accounts/recover-account";
import { startActivation } from "@/server/accounts/start-activation";
import { currentAuthCookies } from "@/server/auth/session-token";
import { newTotpSecret, totpCode } from "@/server/auth/totp";
import { createAccount, emailOfAccount } from "@/server/db/account-store";
import { regenerateRecoveryCodes } from "@/server/db/recovery-code-store";
import { bindOidcIdentity } from "@/server/db/oidc-identity-store";
import { systemRepository } from "@/server/fhir/repository";
import { useTestDatabase } from "../../setup/test-database";
import { signedInBrowser } from "../auth/signed-in-browser";
import { servePage } from "../pages/pages-route";
import { signInRoutes } from "../auth/sign-in-routes";
import { SoftAuthenticator } from "../auth/soft-authenticator";
import { OIDC_CLIENT, closeProvider, connectFromSignInPage, issuer, location, oidcRoutes, sub } from "../auth/oidc-test-provider";
import { Browser, startTestServer } from "../auth/test-server";

/**
 * The other ways into an account whose holder closed her space (« Clôturer mon espace »,
 * close-space.ts), over HTTP. Her passkey and her linked identity were refused as any disabled
 * account's, so she read « la connexion a échoué » with no word of the closure, where her
 * password said it was closed and how to reopen it. The message comes only after a valid proof
 * (a stranger's forged assertion learns nothing), and nothing opens; a reset link sent before
 * the closure sets no password, spends no code, and says the same; a new request sends no link
 * but tells her mailbox why; recovery and activation give nothing back.
 */
// Read once by env(), which nothing has called yet: this file runs with modules of its own (vitest.config.ts).
process.env.OIDC_ISSUER = issuer;
process.env.OIDC_CLIENT_ID = OIDC_CLIENT.id;
process.env.OIDC_CLIENT_SECRET = OIDC_CLIENT.secret;

const db = useTestDatabase();

let server: Awaited<ReturnType<typeof startTestServer>>;
beforeAll(async () => {
  server = await startTestServer(
    {
      ...signInRoutes,
      ...oidcRoutes,
      "/compte/cloturer": closeRoute,
      "/compte/cle/options": keyOptions,
      "/compte/cle/enregistrer": keyRegister,
      "/connexion/cle/options": signInOptions,
      "/connexion/cle/verifier": signInVerify,
      "/connexion/oidc/demarrer": startOnSignInPage,
      "/connexion/oubli/envoyer": resetSend,
      "/connexion/oubli/changer": resetChange,
      "/compte/adresse": askAddressChange,
      "/compte/adresse/confirmer/envoyer": confirmAddressChange,
    },
    1,
  );
});
afterAll(async () => {
  await server.close();
  await closeProvider();
});

const PASSWORD = "girafe nuage tournevis printemps";
let lastOctet = 10;
/** An address of this file's own range for each browser, so no rate limit is shared. */
const anAddress = () => `10.0.61.${lastOctet++}`;

/** Camille with her TOTP app, a passkey added in « Mon compte », an identity bound; `closed`: then her space closed from « Mon compte ». */
async function camille({ closed }: { closed: boolean }) {
  const patientId = (await (await systemRepository("closed-space-ways-in")).create<Patient>(aPatient({ given: "Camille", family: "Portes", birthDate: "1985-03-14" }))).id!;
  const totpSecret = newTotpSecret();
  const email = `camille-${randomUUID()}@example.org`;
  const account = await createAccount({ email, password: PASSWORD, totpSecret, kind: "patient", fhirRef: `Patient/${patientId}`, displayName: "Camille Portes" });
  const browser = await signedInBrowser(server.base, account);
  const options = await browser.post("/compte/cle/options", { code: totpCode(totpSecret, new Date()) });
  expect(options.status).toBe(200);
  const authenticator = new SoftAuthenticator("http://localhost:3000", "localhost");
  const { challenge } = (await options.json()) as { challenge: string };
  expect((await browser.postJson("/compte/cle/enregistrer", authenticator.register(challenge))).status).toBe(200);
  const identity = sub();
  await bindOidcIdentity(account.id, issuer, identity, new Date());
  // A reset link asked before the closure, still live after it.
  await new Browser(server.base, anAddress()).post("/connexion/oubli/envoyer", { email });
  const resetToken = (await resetLinkSentTo(email))!;
  expect(resetToken).toBeDefined();
  // The TOTP step of the code added above is spent: the closure's code is the next one.
  if (closed) expect((await browser.post("/compte/cloturer", { code: totpCode(totpSecret, new Date(Date.now() + 30_000)) })).headers.get("location")).toBe("/connexion?erreur=espace-cloture");
  return { patientId, account, email, totpSecret, authenticator, identity, resetToken, browser };
}

async function resetLinkSentTo(email: string): Promise<string | undefined> {
  const [mail] = await db().sql.query<{ text_body: string }>("SELECT text_body FROM email_outbox WHERE recipient = $1 AND kind = 'account-password-reset' ORDER BY created_at DESC LIMIT 1", [email]);
  return mail?.text_body.match(/jeton=([A-Za-z0-9_-]{43})/)?.[1];
}

/** The passkey step as the sign-in page's button runs it; `tamper` changes the assertion first. */
async function passkeySignIn(authenticator: SoftAuthenticator, tamper: (assertion: ReturnType<SoftAuthenticator["assert"]>) => unknown = (a) => a) {
  const browser = new Browser(server.base, anAddress());
  const { challenge } = (await (await browser.postJson("/connexion/cle/options")).json()) as { challenge: string };
  const answer = await browser.postJson("/connexion/cle/verifier", tamper(authenticator.assert(challenge)));
  return { status: answer.status, body: (await answer.json()) as { error?: string }, signedIn: browser.jar.has(currentAuthCookies().sessionToken.name) };
}

describe("a closed space's other ways in", () => {
  it("her passkey opens nothing and says the space is closed, as her password does; a forged assertion of her key reads as any refusal", async () => {
    const { authenticator } = await camille({ closed: true });
    // The signature of someone who has her key's id but not the key.
    const forged = await passkeySignIn(authenticator, (assertion) => ({ ...assertion, response: { ...assertion.response, signature: Buffer.from("forged").toString("base64url") } }));
    expect(forged).toEqual({ status: 401, body: { error: "refused" }, signedIn: false });
    expect(await passkeySignIn(authenticator)).toEqual({ status: 403, body: { error: "space-closed" }, signedIn: false });
    // The sign-in page's button has the words for that answer (passkey-behaviour.ts shows them).
    const page = (await servePage(signInPage, "/connexion")).html ?? "";
    expect(page.replaceAll("&#x27;", "'")).toContain(`data-passkey-closed="${t("closeSpace.signInClosed")}"`);
  });

  it("her passkey still signs her in while the space is open", async () => {
    const { authenticator } = await camille({ closed: false });
    expect(await passkeySignIn(authenticator)).toMatchObject({ status: 200, signedIn: true });
  });

  it.each([["eidas2"], [undefined]])("her linked identity (acr %s) opens nothing and sends her to the sign-in page's closed-space message", async (acr) => {
    const { identity } = await camille({ closed: true });
    const browser = new Browser(server.base, anAddress());
    const back = await connectFromSignInPage(browser, identity, acr);
    expect(location(back)).toMatch(/\/connexion\?erreur=espace-clos$/);
    expect(browser.jar.has(currentAuthCookies().sessionToken.name)).toBe(false);
    // No sign-in under way for a code either (the one-factor identity's path).
    expect(browser.jar.has(currentAuthCookies().challenge.name)).toBe(false);
  });

  it("a reset link sent before the closure sets no password and spends no code: it says the space is closed", async () => {
    const { account, totpSecret, resetToken } = await camille({ closed: true });
    const stateOf = async () => (await db().sql.query<{ password_hash: string | null; last_totp_step: string }>("SELECT password_hash, last_totp_step::text FROM account WHERE id = $1::uuid", [account.id]))[0];
    const before = await stateOf();
    const code = totpCode(totpSecret, new Date(Date.now() + 60_000));
    const answer = await new Browser(server.base, anAddress()).post("/connexion/oubli/changer", { token: resetToken, newPassword: "nouveau mot de passe bien long 42", code });
    expect(answer.headers.get("location")).toBe("/connexion?erreur=espace-clos");
    expect(await stateOf()).toEqual(before);
  });

  it("a forgotten password asked for her address sends no link, but tells her mailbox the space is closed and how to reopen it; the page answers as for any address", async () => {
    const { email } = await camille({ closed: true });
    const asked = await new Browser(server.base, anAddress()).post("/connexion/oubli/envoyer", { email });
    const unknown = await new Browser(server.base, anAddress()).post("/connexion/oubli/envoyer", { email: `personne-${randomUUID()}@example.org` });
    expect(asked.headers.get("location")).toBe(unknown.headers.get("location"));
    const mails = await db().sql.query<{ kind: string; text_body: string }>(
      "SELECT kind, text_body FROM email_outbox WHERE recipient = $1 AND kind IN ('account-password-reset', 'space-closed-reset') ORDER BY created_at",
      [email],
    );
    // The link asked before the closure, then this one, with no link.
    expect(mails.map((mail) => mail.kind)).toEqual(["account-password-reset", "space-closed-reset"]);
    expect(mails[1]!.text_body).toContain("contactez l'assistance");
    expect(mails[1]!.text_body).not.toContain("jeton=");
  });

  it("a change of address asked before the closure is not confirmed after it: the link is spent with the account, and her address stays", async () => {
    const { account, email, totpSecret, browser } = await camille({ closed: false });
    const newEmail = `nouvelle-${randomUUID()}@example.org`;
    // Her app's next code asks for the change; a recovery code closes the space (both are her second factor).
    expect((await browser.post("/compte/adresse", { email: newEmail, code: totpCode(totpSecret, new Date(Date.now() + 30_000)) })).headers.get("location")).toBe("/espace/compte?ok=adresse-envoyee");
    const [link] = await db().sql.query<{ text_body: string }>("SELECT text_body FROM email_outbox WHERE recipient = $1 ORDER BY created_at DESC LIMIT 1", [newEmail]);
    const token = link?.text_body.match(/jeton=([A-Za-z0-9_-]{43})/)?.[1];
    expect(token).toBeDefined();
    const [recoveryCode] = await regenerateRecoveryCodes(account.id, new Date());
    expect((await browser.post("/compte/cloturer", { code: recoveryCode! })).headers.get("location")).toBe("/connexion?erreur=espace-cloture");
    const answer = await new Browser(server.base, anAddress()).post("/compte/adresse/confirmer/envoyer", { token: token! });
    expect(answer.headers.get("location")).toBe("/connexion?erreur=adresse-refusee");
    expect(await emailOfAccount(account.id)).toBe(email);
  });

  it("the assistance's recovery does not put a closed account back « à activer », so no activation code reopens it", async () => {
    const { patientId } = await camille({ closed: true });
    expect(await recoverAccount({ kind: "patient", resourceId: patientId, operator: "Agent Martin", now: new Date() })).toEqual({ ok: false, reason: "disabled" });
    const [row] = await db().sql.query<{ activated: boolean; disabled: boolean }>("SELECT activated_at IS NOT NULL AS activated, disabled FROM account WHERE fhir_ref = $1", [`Patient/${patientId}`]);
    expect(row).toEqual({ activated: true, disabled: true });
    expect(await startActivation({ code: "ABCD-EFGH-IJKL", birthDate: "1985-03-14", address: anAddress(), userAgent: null, now: new Date() })).toEqual({ ok: false });
  });
});
