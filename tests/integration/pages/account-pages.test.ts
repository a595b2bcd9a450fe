import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import * as patientAccount from "@/pages/espace/compte";
import * as proAccount from "@/pages/pro/compte";
import * as signInPage from "@/pages/connexion";
import * as codePage from "@/pages/connexion/code";
import * as recoveryPage from "@/pages/connexion/secours";
import * as errorPage from "@/pages/connexion/erreur";
import * as forgottenPage from "@/pages/connexion/oubli";
import * as resetPage from "@/pages/connexion/reinitialiser";
import * as confirmEmailPage from "@/pages/compte/adresse/confirmer";
import { emailChangeTokenHash } from "@/server/accounts/change-email";
import { resetTokenHash } from "@/server/accounts/request-password-reset";
import { issueRecoveryCodesTicket } from "@/server/accounts/recovery-codes-display";
import { setPendingTotpSecret } from "@/server/db/account-enrolment-store";
import { createAccountToken } from "@/server/db/account-token-store";
import { bindOidcIdentity } from "@/server/db/oidc-identity-store";
import { addPasskey } from "@/server/db/passkey-store";
import { regenerateRecoveryCodes, remainingRecoveryCodes, spendRecoveryCode } from "@/server/db/recovery-code-store";
import { systemRepository } from "@/server/fhir/repository";
import { aPatient, aPractitioner } from "@/lib/fhir/builders/people";
import { anAccount } from "../auth/helpers";
import { signIn } from "../fhir-api/http";
import { useTestDatabase } from "../../setup/test-database";
import { cameInWithRecoveryCode } from "../auth/recovery-sign-in-record";
import { servePage, toSignIn } from "./pages-route";

useTestDatabase();

/**
 * « Mon compte » (both spaces) and the sign-in page, served by the Pages Router without runtime
 * JavaScript: their getServerSideProps with the request Next hands them, then the HTML.
 */
async function people() {
  const system = await systemRepository("account-pages-tests");
  const patient = (await system.create(aPatient({ given: "Alix", family: "Compte", birthDate: "1980-04-12" }))).id!;
  const practitioner = (await system.create(aPractitioner({ given: "Paul", family: "Compte" }))).id!;
  return { patient: await signIn(`Patient/${patient}`, { name: "Alix Compte" }), practitioner: await signIn(`Practitioner/${practitioner}`, { name: "Dr Paul Compte" }) };
}

/** What the patient's « Mon compte » hands its view, read through its getServerSideProps. */
async function accountDataOf(cookie: string) {
  const props = await patientAccount.getServerSideProps({
    req: { headers: { cookie, "x-forwarded-for": "10.0.0.21", "x-nonce": "bm9uY2U" }, socket: {} },
    res: { statusCode: 200 },
    query: {},
  } as unknown as Parameters<typeof patientAccount.getServerSideProps>[0]);
  if (!("props" in props)) throw new Error("expected props");
  return (await props.props).data!;
}

const codesIn = (html: string) => [...html.matchAll(/<li>([A-Za-z0-9-]+)<\/li>/g)].map((m) => m[1]);

describe("« Mon compte » (Pages Router)", () => {
  it("sends a visitor without a session to sign in, and each kind of account to its own space's page", async () => {
    const { patient, practitioner } = await people();
    expect(await servePage(patientAccount, "/espace/compte")).toEqual(toSignIn("/espace/compte"));
    expect(await servePage(patientAccount, "/espace/compte", { cookie: practitioner.cookie })).toEqual({ status: 307, redirect: "/pro" });
    expect(await servePage(proAccount, "/pro/compte", { cookie: patient.cookie })).toEqual({ status: 307, redirect: "/espace" });
    expect((await servePage(proAccount, "/pro/compte", { cookie: practitioner.cookie })).status).toBe(200);
  });

  it("names each required field with a space before « (obligatoire) », not « Mot de passe actuel(obligatoire) »", async () => {
    const { practitioner } = await people();
    const html = (await servePage(proAccount, "/pro/compte", { cookie: practitioner.cookie })).html!;
    expect(html).toMatch(/<label for="field-currentPassword"[^>]*>Mot de passe actuel <span[^>]*>\(obligatoire\)<\/span><\/label>/);
    expect(html).not.toMatch(/[^ ]<span[^>]*>\(obligatoire\)/);
  });

  it("says of « Modifications du compte » every change it lists: passkeys, identities and recovery codes as well as the password, the address and the second factor", async () => {
    const { patient } = await people();
    const html = (await servePage(patientAccount, "/espace/compte", { cookie: patient.cookie })).html!;
    expect(html).toContain("clés d&#x27;accès ajoutées ou retirées, identités numériques liées ou déliées, nouveaux codes de secours");
  });

  it("lists the account's passkeys by name, with the file that creates one and its script under the nonce, and nothing of the keys themselves", async () => {
    const { patient } = await people();
    await addPasskey({ credentialId: "cle-de-test-1", accountId: patient.accountId, publicKey: new Uint8Array([9, 8, 7, 6]), counter: 0, transports: ["internal"], name: "Téléphone d'Alix", now: new Date() });
    const data = await accountDataOf(patient.cookie);
    expect(data.passkeys).toEqual([{ credentialId: "cle-de-test-1", name: "Téléphone d'Alix" }]);
    expect(JSON.stringify(data)).not.toMatch(/publicKey|passwordHash|totpSecret/);

    const answer = await servePage(patientAccount, "/espace/compte", { cookie: patient.cookie, headers: { "x-nonce": "bm9uY2U" } });
    expect(answer.html).toContain("Téléphone d&#x27;Alix");
    expect(answer.html).toMatch(/<script id="simplewebauthn" src="\/js\/simplewebauthn\.js\?v=[0-9a-f]{16}" nonce="bm9uY2U" defer="">/);
    expect(answer.html).toContain('data-passkey="register"');
    // Drawn hidden, with the words for a browser without scripts or WebAuthn.
    expect(answer.html).toMatch(/<div data-passkey-when="supported" hidden="">/);
    expect(answer.html).toContain('data-testid="passkey-needs-script"');
  });

  it("lists an identity linked earlier even with no provider configured now (it would sign in again once that provider comes back): its host and day, nothing of its subject, « Délier » and no link form", async () => {
    const { patient, practitioner } = await people();
    const plain = (await servePage(patientAccount, "/espace/compte", { cookie: patient.cookie })).html!;
    expect(plain).not.toContain('id="oidc"');
    await bindOidcIdentity(patient.accountId, "https://connexion.ancien-fournisseur.example", "sujet-9f2c41d7e0", new Date("2026-11-30T23:15:00Z"));
    await bindOidcIdentity(practitioner.accountId, "https://connexion.ancien-fournisseur.example", "sujet-du-pro", new Date());
    const html = (await servePage(patientAccount, "/espace/compte", { cookie: patient.cookie })).html!;
    const section = html.match(/<section id="oidc"[\s\S]*?<\/section>/)?.[0] ?? "";
    expect(section).toMatch(/<h2 id="oidc-title"[^>]*>Identité numérique<\/h2>/);
    // The day in Paris: 23:15 UTC on 30 November is already 1 December there.
    expect(section).toContain("<span>connexion.ancien-fournisseur.example, liée le 1er décembre 2026</span>");
    expect(section.match(/<button[^>]*name="identity"[^>]*>Délier<\/button>/g)).toHaveLength(1);
    expect(section).not.toContain("/compte/oidc/lier");
    expect(html).not.toMatch(/sujet-9f2c|sujet-du-pro/);
  });

  it("counts the recovery codes not used yet, and lists the passkeys oldest first, each account its own", async () => {
    const { patient, practitioner } = await people();
    const at = (ms: number) => new Date(Date.UTC(2026, 11, 1) + ms);
    await addPasskey({ credentialId: "cle-b", accountId: patient.accountId, publicKey: new Uint8Array([1]), counter: 0, transports: [], name: "Ordinateur", now: at(2_000) });
    await addPasskey({ credentialId: "cle-a", accountId: patient.accountId, publicKey: new Uint8Array([2]), counter: 0, transports: [], name: "Téléphone", now: at(1_000) });
    await addPasskey({ credentialId: "cle-pro", accountId: practitioner.accountId, publicKey: new Uint8Array([3]), counter: 0, transports: [], name: "Cabinet", now: at(0) });
    const codes = await regenerateRecoveryCodes(patient.accountId, at(0));
    expect(await spendRecoveryCode(patient.accountId, codes[0]!, at(3_000))).toBe(true);
    const data = await accountDataOf(patient.cookie);
    expect(data.passkeys).toEqual([
      { credentialId: "cle-a", name: "Téléphone" },
      { credentialId: "cle-b", name: "Ordinateur" },
    ]);
    expect(data.remainingCodes).toBe(codes.length - 1);
    expect(data.remainingCodes).toBe(await remainingRecoveryCodes(patient.accountId));
    // No setup under way: the account's pending TOTP secret is not even read.
    expect(data.totp).toBeNull();
  });

  // Found walking the account: Jean's page said « Codes de secours encore utilisables : 0. » and
  // nothing more, while those codes are what lets a person in after a lost phone.
  it("says, when two recovery codes or fewer are left, to create new ones before the phone is lost, and that with none only the assistance can help", async () => {
    const { patient } = await people();
    const codes = await regenerateRecoveryCodes(patient.accountId, new Date());
    const page = async () => (await servePage(patientAccount, "/espace/compte", { cookie: patient.cookie })).html!;
    const spend = async (n: number) => {
      for (const code of codes.splice(0, n)) expect(await spendRecoveryCode(patient.accountId, code, new Date())).toBe(true);
    };
    await spend(codes.length - 3);
    expect(await page()).toContain("Codes de secours encore utilisables : 3.");
    expect(await page()).not.toContain("Il vous reste peu de codes de secours.");
    await spend(1);
    expect(await page()).toContain("Codes de secours encore utilisables : 2.");
    expect(await page()).toContain("Il vous reste peu de codes de secours.");
    await spend(1);
    expect(await page()).toContain("Il vous reste peu de codes de secours.");
    await spend(1);
    const none = await page();
    expect(none).toContain("Vous n&#x27;avez plus aucun code de secours.");
    expect(none).toContain("seule l&#x27;assistance pourra vous rendre l&#x27;accès à votre compte");
    // A state of the account, not the answer to a form: the page opens where it starts.
    expect(none).not.toMatch(/<div role="status" tabindex="-1"[^>]*>[^<]*<div>Vous n/);
  });

  it("shows the new TOTP key and its QR code while « Remplacer » is under way, and only then", async () => {
    const { patient } = await people();
    await setPendingTotpSecret(patient.accountId, "JBSWY3DPEHPK3PXP");
    const pageAt = (path: string) => servePage(patientAccount, path, { cookie: patient.cookie, headers: { "x-nonce": "bm9uY2U" } });
    const during = await pageAt("/espace/compte?totp=nouveau");
    expect(during.html).toContain(">JBSW Y3DP EHPK 3PXP</code>");
    expect(during.html).toMatch(/src="data:image\/png;base64,/);
    // The current factor is asked with the new app's code (a code of the old app, or a recovery code).
    expect(during.html).toContain('name="currentCode"');
    expect(during.html).toContain("Code de votre application actuelle (ou code de secours)");
    const otherwise = await pageAt("/espace/compte");
    expect(otherwise.html).not.toContain("JBSW Y3DP");
    expect(otherwise.html).not.toContain("data:image/png");
  });

  it("names each form's code field by its own label: no two fields share an id, in either space, with or without a new app under way", async () => {
    const { patient, practitioner } = await people();
    await setPendingTotpSecret(patient.accountId, "JBSWY3DPEHPK3PXP");
    const pages = [
      await servePage(patientAccount, "/espace/compte", { cookie: patient.cookie }),
      await servePage(patientAccount, "/espace/compte?totp=nouveau", { cookie: patient.cookie }),
      await servePage(proAccount, "/pro/compte", { cookie: practitioner.cookie }),
    ];
    for (const { html } of pages) {
      const ids = [...html!.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]);
      expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
      // The code field of each form that asks for one is the control of that form's own label.
      for (const action of ["/compte/mot-de-passe", "/compte/adresse", "/compte/codes-secours"]) {
        const form = html!.match(new RegExp(`<form[^>]*action="${action}"[^>]*>([\\s\\S]*?)</form>`))![1]!;
        const labelFor = form.match(/<label for="([^"]+)"[^>]*>Code de votre application \(ou code de secours\)/)?.[1];
        expect(labelFor, action).toBeDefined();
        expect(form, action).toMatch(new RegExp(`<input id="${labelFor}"[^>]*name="code"`));
      }
    }
  });

  it("marks the new password invalid and reads the refusal with it when the form came back for it, and only then", async () => {
    const { patient } = await people();
    const newPassword = (html: string) => html.match(/<input[^>]*name="newPassword"[^>]*>/)?.[0] ?? "";
    for (const code of ["mot-de-passe-longueur", "mot-de-passe-faible"]) {
      const html = (await servePage(patientAccount, `/espace/compte?erreur=${code}`, { cookie: patient.cookie })).html!;
      const field = newPassword(html);
      expect(field, code).toContain('aria-invalid="true"');
      const errorId = (field.match(/aria-describedby="([^"]*)"/)?.[1] ?? "").split(" ").find((id) => id.endsWith("-error"));
      expect(errorId, code).toBeDefined();
      expect(html, code).toMatch(new RegExp(`<p id="${errorId}"[^>]*><span class="sr-only">[^<]*</span>[^<]+</p>`));
    }
    // A wrong current password or code is not the new password's fault.
    const other = (await servePage(patientAccount, "/espace/compte?erreur=mot-de-passe", { cookie: patient.cookie })).html!;
    expect(newPassword(other)).not.toContain("aria-invalid");
  });

  it("marks the current password, a code or the new address when the form came back for that one, with the refusal read with it; the throttle's refusal marks none", async () => {
    const { patient } = await people();
    const input = (html: string, form: string, name: string) => html.match(new RegExp(`<form[^>]*action="${form}"[^>]*>[\\s\\S]*?</form>`))![0].match(new RegExp(`<input[^>]*name="${name}"[^>]*>`))?.[0] ?? "";
    const fields = [["/compte/mot-de-passe", "currentPassword"], ["/compte/mot-de-passe", "newPassword"], ["/compte/mot-de-passe", "code"], ["/compte/adresse", "email"], ["/compte/adresse", "code"]] as const;
    for (const [code, form, name, words] of [
      ["mot-de-passe-actuel", "/compte/mot-de-passe", "currentPassword", "Le mot de passe actuel ne correspond pas"],
      ["mot-de-passe-code", "/compte/mot-de-passe", "code", "Le code ne correspond pas : le mot de passe"],
      ["adresse-invalide", "/compte/adresse", "email", "Cette adresse e-mail n&#x27;est pas valide"],
      ["adresse-identique", "/compte/adresse", "email", "C&#x27;est déjà l&#x27;adresse de votre compte"],
      ["adresse-code", "/compte/adresse", "code", "Le code ne correspond pas : le changement d&#x27;adresse"],
    ] as const) {
      const html = (await servePage(patientAccount, `/espace/compte?erreur=${code}`, { cookie: patient.cookie })).html!;
      const field = input(html, form, name);
      expect(field, code).toContain('aria-invalid="true"');
      const errorId = (field.match(/aria-describedby="([^"]*)"/)?.[1] ?? "").split(" ").find((id) => id.endsWith("-error"));
      expect(errorId, code).toBeDefined();
      expect(html, code).toMatch(new RegExp(`<p id="${errorId}"[^>]*><span class="sr-only">[^<]*</span>${words}[^<]*</p>`));
      for (const [otherForm, other] of fields) if (otherForm !== form || other !== name) expect(input(html, otherForm, other), `${code}: ${other}`).not.toContain("aria-invalid");
    }
    for (const code of ["mot-de-passe", "adresse"]) {
      const html = (await servePage(patientAccount, `/espace/compte?erreur=${code}`, { cookie: patient.cookie })).html!;
      for (const [form, name] of fields) expect(input(html, form, name), `${code}: ${name}`).not.toContain("aria-invalid");
    }
  });

  it("asks the code with the passkeys' « Retirer » buttons (one form, one labelled field), and marks that field with the refusal when the removal came back for it", async () => {
    const { patient } = await people();
    await addPasskey({ credentialId: "cle-retrait", accountId: patient.accountId, publicKey: new Uint8Array([4]), counter: 0, transports: [], name: "Tablette", now: new Date() });
    const formOf = (html: string) => html.match(/<form[^>]*action="\/compte\/cle\/retirer"[^>]*>([\s\S]*?)<\/form>/)![1]!;
    const codeOf = (html: string) => formOf(html).match(/<input[^>]*name="code"[^>]*>/)?.[0] ?? "";
    const plain = (await servePage(patientAccount, "/espace/compte", { cookie: patient.cookie })).html!;
    const button = formOf(plain).match(/<button[^>]*aria-label="Retirer : Tablette"[^>]*>/)?.[0] ?? "";
    for (const attribute of ['type="submit"', 'name="credential"', 'value="cle-retrait"']) expect(button).toContain(attribute);
    expect(formOf(plain)).toMatch(/<label for="passkey-remove-code"[^>]*>Code de votre application \(ou code de secours\) pour retirer une clé/);
    expect(codeOf(plain)).toContain('id="passkey-remove-code"');
    expect(codeOf(plain)).not.toContain("aria-invalid");
    for (const [code, words] of [
      ["cle-retrait-facteur", "Le code ne correspond pas : la clé d&#x27;accès n&#x27;a pas été retirée"],
      ["cle-retrait-facteur-manquant", "Pour retirer une clé d&#x27;accès, saisissez d&#x27;abord un code"],
    ] as const) {
      const html = (await servePage(patientAccount, `/espace/compte?erreur=${code}`, { cookie: patient.cookie })).html!;
      const field = codeOf(html);
      expect(field, code).toContain('aria-invalid="true"');
      const errorId = (field.match(/aria-describedby="([^"]*)"/)?.[1] ?? "").split(" ").find((id) => id.endsWith("-error"));
      expect(errorId, code).toBe("passkey-remove-code-error");
      expect(html, code).toMatch(new RegExp(`<p id="${errorId}"[^>]*><span class="sr-only">[^<]*</span>${words}[^<]*</p>`));
    }
  });

  it("after a recovery code, says the old app stops counting once the new one is registered, as it does", async () => {
    const { patient } = await people();
    await cameInWithRecoveryCode(patient);
    await setPendingTotpSecret(patient.accountId, "JBSWY3DPEHPK3PXP");
    const html = (await servePage(patientAccount, "/espace/compte?secours=1", { cookie: patient.cookie, headers: { "x-nonce": "bm9uY2U" } })).html!;
    expect(html).toContain("une fois la nouvelle enregistrée, l&#x27;ancienne ne sera plus acceptée");
    expect(html).not.toContain("second facteur : votre ancienne application ne sera plus acceptée");
    expect(html).toContain(">JBSW Y3DP EHPK 3PXP</code>");
  });

  it("brings the new recovery codes into view: their notice, right above them, takes the focus when the page opens; without new codes nothing does", async () => {
    const { patient } = await people();
    const ticket = await issueRecoveryCodesTicket(patient.accountId, new Date());
    const html = (await servePage(patientAccount, `/espace/compte?codes=${ticket}`, { cookie: patient.cookie })).html!;
    const notice = html.match(/<div role="status"[^>]*>(?:(?!<\/div>).)*Vos nouveaux codes de secours\./)?.[0] ?? "";
    expect(notice).toContain('autofocus=""');
    expect(html.indexOf("Vos nouveaux codes de secours.")).toBeLessThan(html.indexOf('data-testid="recovery-codes"'));
    expect(html.match(/autofocus=""/g)).toHaveLength(1);
    expect((await servePage(patientAccount, "/espace/compte", { cookie: patient.cookie })).html).not.toContain('autofocus=""');
  });

  it("shows new recovery codes once: an App Router prefetch of the address spends nothing, the visit shows ten, a reload none", async () => {
    const { patient } = await people();
    const ticket = await issueRecoveryCodesTicket(patient.accountId, new Date());
    const path = `/espace/compte?codes=${ticket}`;
    const prefetch = await servePage(patientAccount, path, { cookie: patient.cookie, headers: { rsc: "1", "next-router-prefetch": "1" } });
    expect(prefetch).toEqual({ status: 204, ended: true });
    expect(await remainingRecoveryCodes(patient.accountId)).toBe(0);

    const shown = codesIn((await servePage(patientAccount, path, { cookie: patient.cookie })).html!);
    expect(shown).toHaveLength(10);
    expect(await remainingRecoveryCodes(patient.accountId)).toBe(10);
    expect(codesIn((await servePage(patientAccount, path, { cookie: patient.cookie })).html!)).toEqual([]);
    // Another account's ticket shows nothing here either.
    const { practitioner } = await people();
    const theirs = await issueRecoveryCodesTicket(practitioner.accountId, new Date());
    expect(codesIn((await servePage(patientAccount, `/espace/compte?codes=${theirs}`, { cookie: patient.cookie })).html!)).toEqual([]);
  });
});

describe("the sign-in page (Pages Router)", () => {
  it("sends a signed-in person home, and says what the address's flag means, never its text", async () => {
    const { patient } = await people();
    expect(await servePage(signInPage, "/connexion", { cookie: patient.cookie })).toEqual({ status: 307, redirect: "/" });
    expect((await servePage(signInPage, "/connexion?erreur=identifiants")).html).toContain("Connexion impossible avec ces informations.");
    const forged = (await servePage(signInPage, "/connexion?erreur=%3Cb%3Evotre%20compte%20est%20bloqu%C3%A9%3C%2Fb%3E&error=%3Cscript%3E")).html!;
    expect(forged).not.toMatch(/bloqué|&lt;script|<b>/);
    expect(forged).toContain("Nous n&#x27;avons pas pu vous connecter.");
    expect(forged).toContain('role="alert"');
  });

  it("offers a passkey only where the browser has WebAuthn: no words without it, the button drawn hidden", async () => {
    const html = (await servePage(signInPage, "/connexion")).html!;
    expect(html).toContain('data-passkey="authenticate"');
    expect(html).toMatch(/<div data-passkey-when="supported" hidden="">/);
    expect(html).not.toContain("passkey-needs-script");
  });
});

describe("the code pages of sign-in's second step (Pages Router)", () => {
  it("without a sign-in waiting in this browser, or with forged cookies, offer no form, only the way back to the first step", async () => {
    for (const [page, path] of [[codePage, "/connexion/code?erreur=1"], [recoveryPage, "/connexion/secours"]] as const) {
      for (const cookie of [undefined, "authjs.sign-in-challenge=forged; authjs.csrf-token=abc%7Cdef"]) {
        const answer = await servePage(page, path, { cookie });
        expect(answer.status, path).toBe(200);
        expect(answer.html, path).not.toContain("<form");
        expect(answer.html, path).toContain('href="/connexion"');
        expect(answer.html, path).toContain("Recommencer la connexion");
      }
    }
  });
});

describe("the pages around sign-in that read only their address (Pages Router)", () => {
  it("send a refused code back to the page it was typed on, and say nothing of another error's text", async () => {
    const { SIGN_IN_ERRORS } = await import("@/server/auth/sign-in-errors");
    expect(await servePage(errorPage, `/connexion/erreur?error=${SIGN_IN_ERRORS.code}`)).toEqual({ status: 307, redirect: "/connexion/code?erreur=1" });
    expect(await servePage(errorPage, `/connexion/erreur?error=${SIGN_IN_ERRORS.recovery}`)).toEqual({ status: 307, redirect: "/connexion/secours?erreur=1" });
    expect(await servePage(errorPage, `/connexion/erreur?error=${SIGN_IN_ERRORS.paused}`)).toEqual({ status: 307, redirect: "/connexion/code?erreur=pause" });
    const other = (await servePage(errorPage, "/connexion/erreur?error=%3Cb%3EAppelez%20le%2001%3C%2Fb%3E")).html!;
    expect(other).not.toMatch(/Appelez|<b>/);
    expect(other).toContain('href="/connexion"');
  });

  it("offer the reset form only for a live token, and say which flag went wrong", async () => {
    const token = await liveToken("password-reset");
    const good = (await servePage(resetPage, `/connexion/reinitialiser?jeton=${token}`)).html!;
    expect(good).toContain(`name="token" value="${token}"`);
    expect(good).not.toContain('role="alert"');
    for (const jeton of ["", "trop-court", "A".repeat(43), `${token}"><script>`]) {
      const bad = (await servePage(resetPage, `/connexion/reinitialiser?jeton=${encodeURIComponent(jeton)}`)).html!;
      expect(bad, jeton).not.toContain("<form");
      expect(bad, jeton).not.toContain("<script>");
      expect(bad, jeton).toContain('role="alert"');
    }
    expect((await servePage(resetPage, `/connexion/reinitialiser?jeton=${token}&erreur=facteur`)).html).toContain('role="alert"');
    // The answer to a form sent without JavaScript has the focus, so a screen reader reads it (it started at the top, silent).
    expect((await servePage(forgottenPage, "/connexion/oubli?envoye=1")).html).toMatch(/role="status" tabindex="-1" autofocus=""/);
    expect((await servePage(forgottenPage, "/connexion/oubli")).html).not.toContain('role="status"');
  });
});

describe("the minimum length of a new password", () => {
  /** The hint an input names in aria-describedby, as a screen reader reads it with the field. */
  function hintOf(html: string, name: string): string {
    const field = html.match(new RegExp(`<input[^>]*name="${name}"[^>]*>`))?.[0] ?? "";
    expect(field, name).toMatch(/minlength="12"/i);
    const hintId = (field.match(/aria-describedby="([^"]*)"/)?.[1] ?? "").split(" ").find((id) => id.endsWith("-hint"));
    return html.match(new RegExp(`<p id="${hintId}"[^>]*>([^<]*)</p>`))?.[1] ?? "";
  }

  it("is said beside the field on the reset and « Mon compte » forms, not only enforced by the browser (the pages said « long » and « no other rule »)", async () => {
    const { patient } = await people();
    const token = await liveToken("password-reset");
    const reset = (await servePage(resetPage, `/connexion/reinitialiser?jeton=${token}`)).html!;
    expect(hintOf(reset, "newPassword")).toBe("Au moins 12 caractères.");
    const account = (await servePage(patientAccount, "/espace/compte", { cookie: patient.cookie })).html!;
    expect(hintOf(account, "newPassword")).toMatch(/Il n&#x27;y a pas d&#x27;autre règle\. Au moins 12 caractères\.$/);
  });
});

describe("the new address's confirmation page (/compte/adresse/confirmer, Pages Router)", () => {
  it("carries a live link's token, given once, in the form's body; no form for a missing, repeated, cut or hostile one", async () => {
    const token = await liveToken("email-change");
    const good = await servePage(confirmEmailPage, `/compte/adresse/confirmer?jeton=${token}`);
    expect(good.status).toBe(200);
    expect(good.html).toMatch(/<h1[^>]*>Confirmer la nouvelle adresse<\/h1>/);
    expect(good.html).toContain('<form action="/compte/adresse/confirmer/envoyer" method="post">');
    expect(good.html).toContain(`name="token" value="${token}"`);
    // It says which address it confirms (the walk read « cette adresse » without knowing which);
    // the link was sent to that address, so its holder learns nothing new.
    expect(good.html).toContain(`Confirmez que l&#x27;adresse new-${accountOf(token)}@example.org devient celle de votre compte.`);
    const hostile = (await servePage(confirmEmailPage, `/compte/adresse/confirmer?jeton=${encodeURIComponent('x"><script>alert(1)</script>')}`)).html!;
    expect(hostile).not.toContain("<script>");
    for (const path of ["/compte/adresse/confirmer", `/compte/adresse/confirmer?jeton=${token}&jeton=${token}`, `/compte/adresse/confirmer?jeton=${token}${"B".repeat(40)}`]) {
      const page = (await servePage(confirmEmailPage, path)).html!;
      expect(page, path).not.toContain("<form");
      expect(page, path).toMatch(/<h1[^>]*>Lien de confirmation plus valable<\/h1>/);
      expect(page, path).not.toContain("@example.org");
    }
  });
});

const accounts = new Map<string, string>();
const accountOf = (token: string) => accounts.get(token);

/** A live token of an account's link, as the e-mail carries it (its keyed hash stored, as the use cases do). */
async function liveToken(purpose: "password-reset" | "email-change"): Promise<string> {
  const account = await anAccount();
  const token = randomBytes(32).toString("base64url");
  accounts.set(token, account.id);
  const tokenHash = purpose === "password-reset" ? resetTokenHash(token) : emailChangeTokenHash(token);
  await createAccountToken({ accountId: account.id, purpose, tokenHash, now: new Date(), ttlMs: 60_000, data: purpose === "email-change" ? `new-${account.id}@example.org` : undefined });
  return token;
}
