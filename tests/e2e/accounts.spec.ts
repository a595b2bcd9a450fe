import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { expectNoAxeViolations } from "./helpers/axe";
import { randomAddress } from "./helpers/sign-in";
import { activateUpToSecondFactor, activateWithApp, dataDir, invitation, nameOf, NEW_PASSWORD, newClient, PASSWORD, PATIENTS, scriptFiles, shownKey, signOut, typePassword } from "./helpers/new-patients";

/**
 * Issue 11 in a real browser, for people whose record exists and who have no account yet
 * (tests/e2e/fixtures/new-patients.json; scripts/e2e.mjs invites them before the server starts
 * and leaves their activation codes in E2E_DATA_DIR/invitations.json): activation with a passkey
 * in Chromium's virtual authenticator, a lost phone and a recovery code, a reset by e-mail link,
 * ending another session from "Mon compte", and a person who lost phone and codes, back through
 * the assistance (npm run account:recover, run by scripts/e2e-invitations.ts). Each page reached passes axe; the forgotten
 * password pages, an activation and "Mon compte" are also used with JavaScript off.
 */
test.describe.configure({ mode: "serial" });

test("a new patient activates with the code, creates a passkey in the browser and signs in with it alone", async ({ browser }) => {
  test.setTimeout(120_000);
  const context = await newClient(browser);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("WebAuthn.enable");
  const { authenticatorId } = await cdp.send("WebAuthn.addVirtualAuthenticator", {
    options: { protocol: "ctap2", transport: "internal", hasResidentKey: true, hasUserVerification: true, isUserVerified: true, automaticPresenceSimulation: true },
  });

  await activateUpToSecondFactor(page, "passkey", true);
  await page.getByRole("button", { name: "Créer une clé d'accès sur cet appareil" }).click();
  await expect(page).toHaveURL(/\/activer\/codes-secours$/);
  await expect(page.getByTestId("recovery-codes").getByRole("listitem")).toHaveCount(10);
  const [recoveryCode, anotherRecoveryCode] = (await page.getByTestId("recovery-codes").getByRole("listitem").allTextContents()).map((code) => code.trim());
  await expectNoAxeViolations(page);
  expect(await scriptFiles(page)).toEqual([]);
  await page.getByRole("button", { name: /J'ai mis mes codes en lieu sûr/ }).click();
  await expect(page).toHaveURL(/\/espace$/);
  await expect(page.getByRole("banner")).toContainText(nameOf("passkey"));

  // The credential lives in the browser's authenticator, discoverable (no e-mail needed to use it).
  const { credentials } = await cdp.send("WebAuthn.getCredentials", { authenticatorId });
  expect(credentials).toHaveLength(1);
  expect(credentials[0]!.isResidentCredential).toBe(true);

  await signOut(page);
  await page.getByRole("button", { name: "Se connecter avec une clé d'accès" }).click();
  await expect(page).toHaveURL(/\/espace$/);
  await expect(page.getByRole("banner")).toContainText(nameOf("passkey"));
  const after = await cdp.send("WebAuthn.getCredentials", { authenticatorId });
  expect(after.credentials[0]!.signCount).toBeGreaterThan(credentials[0]!.signCount);

  // « Mon compte » loads SimpleWebAuthn's file, no runtime. This device already holds the
  // account's key (the server lists it to exclude): creating another fails, the page says so
  // and the button can be used again. The passkey sign-in a moment ago proved the second factor,
  // so no code was asked; that proof served this one attempt.
  await page.goto("/espace/compte");
  expect(await scriptFiles(page)).toEqual(["/js/simplewebauthn.js"]);
  // The list of sessions says this one came in with a key (removing that key ends the others it opened).
  await expect(page.getByRole("table", { name: "Sessions ouvertes" }).getByRole("row").filter({ hasText: "Cet appareil" })).toContainText("avec une clé d'accès");
  const add = page.getByRole("button", { name: "Ajouter une clé d'accès sur cet appareil" });
  await add.click();
  await expect(page.getByRole("alert")).toContainText("La clé d'accès n'a pas pu être créée");
  await expect(add).toBeEnabled();
  // Another device: an open session alone adds no key (a computer left signed in): the code is
  // asked, its field marked and described by the refusal; with a recovery code, the key is
  // added, and listed beside the first.
  await cdp.send("WebAuthn.removeVirtualAuthenticator", { authenticatorId });
  await cdp.send("WebAuthn.addVirtualAuthenticator", {
    options: { protocol: "ctap2", transport: "internal", hasResidentKey: true, hasUserVerification: true, isUserVerified: true, automaticPresenceSimulation: true },
  });
  await add.click();
  await expect(page.getByRole("alert")).toContainText("Pour ajouter une clé d'accès, saisissez d'abord un code");
  const passkeyCode = page.getByRole("textbox", { name: "Code de votre application (ou code de secours)" }).and(page.locator("#passkey-code"));
  await expect(passkeyCode).toHaveAttribute("aria-invalid", "true");
  await expect(passkeyCode).toHaveAccessibleDescription(/saisissez d'abord un code/);
  await expect(passkeyCode).toBeFocused();
  // Enter in the code's field, as one sends a code, presses the button (the field is in no form).
  await passkeyCode.fill(recoveryCode!);
  await passkeyCode.press("Enter");
  await expect(page).toHaveURL(/\/espace\/compte\?ok=cle$/);
  await expect(page.getByRole("status").filter({ hasText: "La clé d'accès a été ajoutée." })).toBeVisible();
  await expect(page.getByRole("button", { name: /^Retirer : / })).toHaveCount(2);
  await expectNoAxeViolations(page);

  // Removing one: an open session alone removes none (the sign-in's proof is spent); the code
  // field is marked and described by the refusal; with another recovery code, the key goes.
  await page.getByRole("button", { name: /^Retirer : / }).first().click();
  await expect(page).toHaveURL(/\/espace\/compte\?erreur=cle-retrait-facteur-manquant$/);
  await expect(page.getByRole("alert").first()).toContainText("Pour retirer une clé d'accès, saisissez d'abord un code");
  // The refusal has the focus: with a fragment (#cles) in the address the browser skipped autofocus, and left it on the page.
  await expect(page.getByRole("alert").first()).toBeFocused();
  const removeCode = page.getByRole("textbox", { name: "Code de votre application (ou code de secours) pour retirer une clé" });
  await expect(removeCode).toHaveAttribute("aria-invalid", "true");
  await expect(removeCode).toHaveAccessibleDescription(/saisissez d'abord un code/);
  await expectNoAxeViolations(page);
  await removeCode.fill(anotherRecoveryCode!);
  await page.getByRole("button", { name: /^Retirer : / }).first().click();
  await expect(page).toHaveURL(/\/espace\/compte\?ok=cle-retiree$/);
  await expect(page.getByRole("status").filter({ hasText: "La clé d'accès a été retirée." })).toBeVisible();
  await expect(page.getByRole("button", { name: /^Retirer : / })).toHaveCount(1);
  await context.close();
});

test("with the phone lost, a recovery code signs in once, and a new authenticator app replaces the old one", async ({ browser }) => {
  test.setTimeout(180_000);
  const context = await newClient(browser);
  const page = await context.newPage();
  const { app: oldPhone, recoveryCodes } = await activateWithApp(page, "recovery");
  // Back from her new space, to the page of the codes: signed in, she is told it is done, not
  // that the activation expired and to ask for a new code (found by a walk of the activation).
  await page.goBack();
  await expect(page).toHaveURL(/\/activer\/codes-secours$/);
  await expect(page.getByRole("main").getByRole("status")).toHaveText(
    "Aucune activation n'est en cours dans ce navigateur, et vous y êtes connecté·e : si vous venez d'activer votre compte, c'est terminé. Vous n'avez pas besoin d'un nouveau code.",
  );
  await expect(page.getByRole("main").getByRole("alert")).toHaveCount(0);
  await expectNoAxeViolations(page);
  await page.getByRole("link", { name: "Accéder à mon espace" }).click();
  await expect(page).toHaveURL(/\/espace$/);
  await signOut(page);

  await typePassword(page, "recovery", PASSWORD);
  await expect(page).toHaveURL(/\/connexion\/code$/);
  await page.getByRole("link", { name: /Utiliser un code de secours/ }).click();
  await expect(page).toHaveURL(/\/connexion\/secours$/);
  await expectNoAxeViolations(page);
  await page.getByLabel("Code de secours").fill(recoveryCodes[0]!);
  await page.getByRole("button", { name: "Se connecter" }).click();

  // Straight to "Mon compte", asked to enrol again, with a new key for the new phone.
  await expect(page).toHaveURL(/\/espace\/compte\?secours=1$/);
  await expect(page.getByRole("main")).toContainText("Vous vous êtes connecté·e avec un code de secours");
  const newPhone = await shownKey(page);
  expect(newPhone.secret).not.toBe(oldPhone.secret);
  await page.getByLabel("Code affiché par l'application").fill(await newPhone.code(page));
  // The phone is lost, and the recovery code typed a moment ago proved the second factor: no
  // other code is asked (none of the old app, no second recovery code spent for nothing).
  await expect(page.getByLabel("Code de votre application actuelle (ou code de secours)")).toHaveCount(0);
  await expect(page.getByRole("main")).toContainText("Vous venez de vous connecter avec un code : aucun autre ne vous est demandé");
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "Valider le code" }).click();
  await expect(page.getByRole("main")).toContainText("Votre nouvelle application d'authentification est enregistrée.");
  await expect(page.getByRole("main")).toContainText("Codes de secours encore utilisables : 9.");
  await signOut(page);

  // The old phone no longer signs in; the new one does. The used recovery code is spent.
  await typePassword(page, "recovery", PASSWORD);
  await page.getByLabel("Code à 6 chiffres").fill(await oldPhone.code(page));
  await page.getByRole("button", { name: "Se connecter" }).click();
  await expect(page).toHaveURL(/\/connexion\/code\?erreur=1$/);
  await typePassword(page, "recovery", PASSWORD);
  await page.getByRole("link", { name: /Utiliser un code de secours/ }).click();
  await page.getByLabel("Code de secours").fill(recoveryCodes[0]!);
  await page.getByRole("button", { name: "Se connecter" }).click();
  await expect(page).toHaveURL(/\/connexion\/secours\?erreur=1$/);
  await expect(page.getByRole("main").getByRole("alert").first()).toContainText("Code de secours incorrect ou déjà utilisé.");
  await typePassword(page, "recovery", PASSWORD);
  await page.getByLabel("Code à 6 chiffres").fill(await newPhone.code(page));
  await page.getByRole("button", { name: "Se connecter" }).click();
  await expect(page).toHaveURL(/\/espace$/);
  // Back from her space to the code's step, or to the recovery code's: signed in, she is sent
  // home, not told that her sign-in « a expiré ou a reçu trop de codes erronés ».
  await page.goBack();
  await expect(page).toHaveURL(/\/espace$/);
  await page.goto("/connexion/secours");
  await expect(page).toHaveURL(/\/espace$/);
  await context.close();
});

test("with the phone and the recovery codes lost, /connexion/secours sends her to the assistance; after account:recover her old password opens nothing, and its code with her birth date reactivates the account up to her documents", async ({ browser }) => {
  test.setTimeout(180_000);
  const context = await newClient(browser);
  const page = await context.newPage();
  // What the page says to someone who has no code either (the assistance's contact: ASSISTANCE_CONTACT).
  await page.goto("/connexion/secours");
  const help = page.getByRole("region", { name: "Ni téléphone, ni codes de secours ?" });
  await expect(help).toContainText("Contactez l'assistance : ");
  await expect(help).toContainText("Elle ne vous demandera jamais votre mot de passe ni un code.");
  expect(await scriptFiles(page)).toEqual([]);
  await expectNoAxeViolations(page);

  // scripts/e2e-invitations.ts ran recoverAccount: the password she had no longer reaches a code step.
  await typePassword(page, "assistance", PASSWORD);
  await expect(page).toHaveURL(/\/connexion\?erreur=identifiants$/);

  // The holder was told at the account's address, without her name or the code.
  const mail = await mailTo(PATIENTS.assistance.email, "demande faite à l'assistance");
  expect(mail).not.toContain(PATIENTS.assistance.family);
  expect(mail).not.toContain(invitation("assistance"));

  // The code the assistance sent her, with her birth date: a new password, a new app, her space.
  const { app } = await activateWithApp(page, "assistance");
  await page.goto("/espace/compte");
  await expect(page.getByRole("main")).toContainText("Moyens de connexion retirés par l'assistance du service (compte à réactiver)");
  await page.goto("/espace/documents");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.getByRole("banner")).toContainText(nameOf("assistance"));
  await signOut(page);
  await typePassword(page, "assistance", PASSWORD);
  await page.getByLabel("Code à 6 chiffres").fill(await app.code(page));
  await page.getByRole("button", { name: "Se connecter" }).click();
  await expect(page).toHaveURL(/\/espace$/);
  await context.close();
});

/** Quoted-printable, as nodemailer writes the text of a French e-mail: soft line breaks and =XX. */
function decodeQuotedPrintable(text: string): string {
  return text.replace(/=\r?\n/g, "").replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** The text of an e-mail in the outbox to `email` that says `words` (the last such file listed), decoded. */
async function mailTo(email: string, words: string): Promise<string> {
  const outbox = path.join(dataDir, "outbox");
  let found = "";
  await expect
    .poll(
      async () => {
        for (const file of (await readdir(outbox).catch(() => [])).filter((f) => f.endsWith(".eml"))) {
          // The decoded bytes are UTF-8: read back as such, « à » and « é » compare as typed.
          const text = Buffer.from(decodeQuotedPrintable(await readFile(path.join(outbox, file), "utf8")), "latin1").toString("utf8");
          if (text.includes(`To: ${email}`) && text.includes(words)) found = text;
        }
        return found;
      },
      { timeout: 20_000 },
    )
    .not.toBe("");
  return found;
}

async function resetLinkFor(email: string): Promise<string> {
  return /\/connexion\/reinitialiser\?jeton=[A-Za-z0-9_-]{43}/.exec(await mailTo(email, "/connexion/reinitialiser?jeton="))![0];
}

test("a forgotten password is reset from the e-mailed link, without JavaScript; the second factor is still asked", async ({ browser }) => {
  test.setTimeout(180_000);
  const context = await newClient(browser);
  const page = await context.newPage();
  const { app } = await activateWithApp(page, "reset");
  await signOut(page);
  await page.goto("/connexion/oubli");
  await expectNoAxeViolations(page);

  const noScript = await newClient(browser, { javaScriptEnabled: false });
  const plain = await noScript.newPage();
  await plain.goto("/connexion");
  await plain.getByRole("link", { name: "Mot de passe oublié ?" }).click();
  await expect(plain).toHaveURL(/\/connexion\/oubli$/);
  await plain.getByLabel("Adresse e-mail").fill(PATIENTS.reset.email);
  await plain.getByRole("button", { name: "Recevoir le lien" }).click();
  await expect(plain.getByRole("main")).toContainText("Si un compte existe à cette adresse, un e-mail vient de lui être envoyé.");

  const link = await resetLinkFor(PATIENTS.reset.email);
  // Opening the page spends nothing (only a successful change does): axe first, with scripts.
  await page.goto(link);
  await expectNoAxeViolations(page);
  await plain.goto(link);
  await plain.getByLabel("Nouveau mot de passe").fill(NEW_PASSWORD);
  await plain.getByLabel("Code de votre application (ou code de secours)").fill(await app.code(plain));
  await plain.getByRole("button", { name: "Enregistrer le nouveau mot de passe" }).click();
  await expect(plain).toHaveURL(/\/connexion\?erreur=reinitialise$/);
  await expect(plain.getByRole("main")).toContainText("Votre mot de passe a été changé.");
  // What the reset left (an identity linked, seeded by scripts/e2e-invitations.ts) is counted, with the way to check it.
  const kept = plain.getByRole("status").filter({ hasText: "Votre compte a aussi 1 identité numérique liée" });
  await expect(kept).toContainText("vérifiez-la dans Mon compte.");
  await expect(kept.getByRole("link", { name: "Mon compte" })).toHaveAttribute("href", "/espace/compte");

  // Single use: opened again, the link says at once that it has served, with no form to fill
  // in, and leads to sign-in.
  await plain.goto(link);
  await expect(plain.getByRole("heading", { level: 1 })).toHaveText("Lien de réinitialisation plus valable");
  await expect(plain.getByRole("main").getByRole("alert")).toContainText("Ce lien a déjà servi : le mot de passe a été changé avec lui.");
  await expect(plain.getByLabel("Nouveau mot de passe")).toHaveCount(0);
  await expect(plain.getByRole("main").getByRole("link", { name: "Se connecter" })).toHaveAttribute("href", "/connexion");
  await page.goto(link);
  await expectNoAxeViolations(page);

  // The new password opens the second step, not the space: the code is still asked.
  await typePassword(page, "reset", NEW_PASSWORD);
  await expect(page).toHaveURL(/\/connexion\/code$/);
  await page.getByLabel("Code à 6 chiffres").fill(await app.code(page));
  await page.getByRole("button", { name: "Se connecter" }).click();
  await expect(page).toHaveURL(/\/espace$/);
  // « Mon compte » lists that identity by its provider's host and day, with « Délier ».
  await page.goto("/espace/compte");
  await expect(page.locator("#oidc")).toContainText("identite.example, liée le 1er mars 2026");
  await expect(page.getByRole("button", { name: "Délier : identite.example, liée le 1er mars 2026" })).toBeVisible();
  await expectNoAxeViolations(page);
  await noScript.close();
  await context.close();
});

test("signing out another session from 'Mon compte' (without JavaScript) ends it at its next request", async ({ browser }) => {
  test.setTimeout(180_000);
  // The first browser works without JavaScript throughout: activation with an app, then "Mon compte".
  const homeAddress = randomAddress();
  const home = await browser.newContext({ javaScriptEnabled: false, extraHTTPHeaders: { "x-forwarded-for": homeAddress } });
  const page = await home.newPage();
  const { app } = await activateWithApp(page, "sessions", { withoutScripts: true });

  const otherAddress = randomAddress();
  const elsewhere = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": otherAddress } });
  const other = await elsewhere.newPage();
  await typePassword(other, "sessions", PASSWORD);
  await other.getByLabel("Code à 6 chiffres").fill(await app.code(other));
  await other.getByRole("button", { name: "Se connecter" }).click();
  await expect(other).toHaveURL(/\/espace$/);

  await page.goto("/espace/compte");
  // Without scripts, creating a passkey says why it cannot be done here.
  await expect(page.getByTestId("passkey-needs-script")).toContainText("demande JavaScript");
  const sessions = page.getByRole("table", { name: "Sessions ouvertes" });
  await expect(sessions.getByRole("row")).toHaveCount(3);
  await expect(sessions.getByRole("row").filter({ hasText: otherAddress })).toContainText("avec le mot de passe et un code");
  await sessions.getByRole("row").filter({ hasText: otherAddress }).getByRole("button", { name: /^Déconnecter/ }).click();
  await expect(page.getByRole("main")).toContainText("La session a été fermée.");
  await expect(page.getByRole("table", { name: "Sessions ouvertes" }).getByRole("row")).toHaveCount(2);

  // Its next request finds no session; this browser stays signed in.
  await other.goto("/espace/documents");
  await expect(other).toHaveURL(/\/connexion\?vers=%2Fespace%2Fdocuments$/);
  await page.goto("/espace");
  await expect(page).toHaveURL(/\/espace$/);

  // axe runs in the page: the same session, in a context with scripts.
  const withScripts = await browser.newContext({ storageState: await home.storageState(), extraHTTPHeaders: { "x-forwarded-for": homeAddress } });
  const check = await withScripts.newPage();
  await check.goto("/espace/compte");
  await expect(check.getByRole("heading", { level: 1, name: "Mon compte" })).toBeVisible();
  await expectNoAxeViolations(check);
  // Each form's code field is named by its own label, once (three fields shared one id: the
  // first was named three times, the password's and the address's had no name at all).
  for (const action of ["/compte/codes-secours", "/compte/mot-de-passe", "/compte/adresse"]) {
    const named = check.locator(`form[action="${action}"]`).getByRole("textbox", { name: /^Code de votre application \(ou code de secours\)\s*\(obligatoire\)$/ });
    await expect(named, action).toHaveCount(1);
  }
  await withScripts.close();
  await elsewhere.close();
  await home.close();
});

test("the new address's link opens a page without any script file; a forged token says at once it is not valid, with no button", async ({ browser }) => {
  const page = await (await newClient(browser)).newPage();
  await page.goto(`/compte/adresse/confirmer?jeton=${"A".repeat(43)}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Lien de confirmation plus valable");
  await expect(page.getByRole("main").getByRole("alert")).toContainText("Ce lien n'est pas valable");
  await expect(page.getByRole("button", { name: "Confirmer", exact: true })).toHaveCount(0);
  await expect(page.getByRole("main").getByRole("link", { name: "Aller à mon compte" })).toHaveAttribute("href", "/espace/compte");
  // Served by the Pages Router without Next's runtime.
  expect(await page.locator("script[src]").count()).toBe(0);
  await expectNoAxeViolations(page);
});

test("the activation steps without an activation under way say it expired, with no script, not stored; /connexion/suite sends a visitor to sign in", async ({ browser }) => {
  const context = await newClient(browser);
  const page = await context.newPage();
  for (const step of ["/activer/mot-de-passe", "/activer/second-facteur", "/activer/codes-secours"]) {
    const response = await page.goto(step);
    expect(response?.status(), step).toBe(200);
    expect(response?.headers()["cache-control"], step).toContain("no-store");
    await expect(page.getByRole("main").getByRole("alert"), step).toContainText("Cette activation a expiré.");
    expect(await scriptFiles(page), step).toEqual([]);
    expect(await page.content(), step).not.toContain("__NEXT_DATA__");
    await expectNoAxeViolations(page);
  }
  await page.getByRole("link", { name: "Recommencer" }).click();
  await expect(page).toHaveURL(/\/activer$/);
  await page.goto("/connexion/suite");
  await expect(page).toHaveURL(/\/connexion$/);
  await context.close();
});
