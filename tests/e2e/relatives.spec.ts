import { expect, test } from "@playwright/test";
import { readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { Secret, TOTP } from "otpauth";
import { PDFDocument, StandardFonts } from "pdf-lib";
import { personaPages } from "./helpers/persona-pages";
import { expectNoAxeViolations } from "./helpers/axe";

/**
 * "Proches et délégations" in two browsers: Camille invites a brand-new caregiver, who opens
 * an account and accepts; the pause passes on the test clock (DATA_DIR/test-clock-offset, read
 * by the server under APP_ENV=test only); the caregiver adds a document for Camille and sees
 * only what the rights allow; Camille reduces the rights, then revokes, and the caregiver's
 * next request finds nothing. axe on each new page; the page works without JavaScript.
 */
test.describe.configure({ mode: "serial" });

const { pageAs, newContext, closeAll } = personaPages();
const stamp = Date.now().toString(36);
const dataDir = path.resolve(process.env.E2E_DATA_DIR ?? ".test-data/e2e");
const clockFile = path.join(dataDir, "test-clock-offset");
const setClock = (offsetMs: number) => writeFileSync(clockFile, String(offsetMs));

async function aPdf(text: string): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  doc.addPage().drawText(text, { x: 50, y: 780, size: 11, font });
  return Buffer.from(await doc.save({ useObjectStreams: false }));
}

/** What matches `pattern` in the e-mails to `to`, newest first (the outbox worker writes .eml files under DATA_DIR/outbox). */
function mailed(to: string, pattern: RegExp): string[] {
  const folder = path.join(dataDir, "outbox");
  const files = readdirSync(folder).map((name) => path.join(folder, name)).sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs);
  const found: string[] = [];
  for (const file of files) {
    // Quoted-printable: soft line breaks out, =XX back to bytes.
    const text = readFileSync(file, "utf8").replace(/=\r?\n/g, "").replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
    if (!text.includes(`To: ${to}`)) continue;
    const match = pattern.exec(text);
    if (match) found.push(match[1]!);
  }
  return found;
}

/** The one-click cancel links e-mailed to `to`, newest first. */
const cancelLinks = (to: string): string[] => mailed(to, /(http:\/\/\S+\/invitation\/annuler\/[A-Za-z0-9_-]{43})/);

test.afterAll(async () => {
  rmSync(clockFile, { force: true });
  await closeAll();
});

test("a brand-new caregiver: invited, account opened, accepted, active after the pause, limited to the rights, then reduced and revoked", async ({ browser }) => {
  test.setTimeout(180_000);
  const camille = await pageAs(browser, "camille");
  await camille.goto("/espace/proches");
  await expect(camille.getByRole("heading", { level: 1 })).toHaveText("Proches et délégations");
  await expectNoAxeViolations(camille, "/espace/proches");
  const email = `paul-${stamp}@example.org`;
  await camille.getByLabel("Prénom").fill("Paul");
  await camille.getByLabel(/^Nom/).fill("Aidant");
  await camille.getByLabel("Adresse e-mail").fill(email);
  await camille.getByLabel("Lien avec vous").selectOption({ label: "Ami ou amie" });
  await camille.getByLabel("ajouter des documents").check();
  await camille.getByRole("button", { name: "Envoyer l'invitation" }).click();
  await expect(camille.getByRole("status").filter({ hasText: "Invitation envoyée" })).toBeVisible();
  const link = await camille.getByRole("textbox", { name: "Lien d'invitation" }).inputValue();
  expect(link).toMatch(/\/invitation\/[A-Za-z0-9_-]{43}$/);
  await expect(camille.getByRole("region", { name: "Invitations en attente" })).toContainText(email);
  await expectNoAxeViolations(camille, "/espace/proches with the link");
  // The page sends no bundle; its inline script copies the link and says so.
  await camille.context().grantPermissions(["clipboard-read", "clipboard-write"]);
  await camille.getByRole("button", { name: "Copier le lien" }).click();
  await expect(camille.getByRole("status").filter({ hasText: "Lien copié." })).toBeVisible();
  expect(await camille.evaluate(() => navigator.clipboard.readText())).toBe(link);
  expect(await camille.locator("script[src]").count()).toBe(0);

  // The caregiver, in a browser of their own, has no account yet.
  const paul = await (await newContext(browser)).newPage();
  await paul.goto(link);
  await expect(paul.getByRole("heading", { level: 1 })).toHaveText("Invitation d'un proche");
  await expect(paul.getByText("Camille Martin vous invite")).toBeVisible();
  // The rights as Paul will hold them, about Camille, not in her own words.
  await expect(paul.getByRole("region", { name: "Ce que vous pourrez faire" })).toContainText("Vous pourrez voir ses documents, ajouter des documents à son dossier, jusqu'au");
  await expectNoAxeViolations(paul, "/invitation/<secret>");
  // Served by the Pages Router without Next's runtime: no script file, the secret stays in the page.
  expect(await paul.locator("script[src]").count()).toBe(0);
  await paul.getByLabel("Votre prénom").fill("Paul");
  await paul.getByLabel("Votre nom").fill("Aidant");
  await paul.getByLabel("Votre date de naissance").fill("1980-05-04");
  await paul.getByRole("button", { name: "Créer mon compte" }).click();
  // The link is not enough (Camille holds it too): the code goes to the invited address.
  await expect(paul).toHaveURL(/\/activer\?envoye=1$/);
  await expect.poll(() => mailed(email, /Votre code d'activation : (\S+)/).length, { timeout: 15_000 }).toBeGreaterThan(0);
  await paul.getByLabel("Code d'activation").fill(mailed(email, /Votre code d'activation : (\S+)/)[0]!);
  await paul.getByLabel("Date de naissance").fill("1980-05-04");
  await paul.getByRole("button", { name: "Continuer" }).click();
  await expect(paul).toHaveURL(/\/activer\/mot-de-passe$/);
  const password = `Parapluie violet sous la pluie ${stamp}`;
  await paul.getByLabel(/^Mot de passe/).fill(password);
  await paul.getByLabel("Le même mot de passe, une seconde fois").fill(password);
  await paul.getByRole("button", { name: "Enregistrer le mot de passe" }).click();
  await expect(paul).toHaveURL(/\/activer\/second-facteur$/);
  const key = (await paul.getByTestId("totp-key").innerText()).replace(/\s+/g, "");
  await paul.getByLabel("Code affiché par l'application").fill(TOTP.generate({ secret: Secret.fromBase32(key), algorithm: "SHA1", digits: 6, period: 30 }));
  await paul.getByRole("button", { name: "Valider le code" }).click();
  await expect(paul).toHaveURL(/\/activer\/codes-secours$/);
  await paul.getByRole("button", { name: /J'ai mis mes codes en lieu sûr/ }).click();
  // Signed in, back on the invitation to accept it: the home page said nothing of it, and Paul
  // had to find the e-mail again (found walking the journey on a phone).
  await expect(paul).toHaveURL(link);
  await expect(paul.getByText("Vous utilisez le compte de Paul Aidant.")).toBeVisible();
  await paul.getByRole("button", { name: "Accepter l'invitation" }).click();
  await expect(paul.getByRole("status").filter({ hasText: "Invitation acceptée" })).toBeVisible();
  // The pause: nothing to open yet, and it says from when.
  const actingFor = paul.getByRole("region", { name: "Les personnes pour qui j'agis" });
  await expect(actingFor).toContainText(/Invitation acceptée : vous pourrez agir pour cette personne à partir du \d/);
  await expect(actingFor.getByRole("button", { name: /^Ouvrir son espace/ })).toHaveCount(0);
  await camille.goto("/espace/proches");
  await expect(camille.getByRole("region", { name: "Les personnes qui peuvent agir pour moi" })).toContainText("En attente (pause de 24 heures)");
  // The link she was offered to copy has served: no longer offered, the page says so.
  await expect(camille.getByRole("textbox", { name: "Lien d'invitation" })).toHaveCount(0);
  await expect(camille.getByRole("button", { name: "Copier le lien" })).toHaveCount(0);
  await expect(camille.getByRole("region", { name: "Lien d'invitation" })).toContainText("Paul Aidant a déjà accepté l'invitation : son lien a servi et ne fonctionne plus.");
  await expectNoAxeViolations(camille, "/espace/proches once the link has served");

  setClock(25 * 3600 * 1000);
  await paul.goto("/espace/proches");
  await expect(actingFor).toContainText("Vos droits : voir ses documents, ajouter des documents à son dossier");
  await paul.getByRole("button", { name: /^Ouvrir son espace/ }).click();
  const banner = paul.getByRole("region", { name: "Espace d'une autre personne" });
  await expect(banner).toContainText("Vous êtes dans l'espace de Camille Martin");
  await expect(banner).toContainText("avec ces droits : voir ses documents, ajouter des documents à son dossier.");
  await expect(banner).not.toContainText("voir mes documents");
  await expectNoAxeViolations(paul, "/espace with the banner");

  await paul.goto("/espace/documents/ajouter");
  await paul.getByLabel("Fichier").setInputFiles({ name: "note.pdf", mimeType: "application/pdf", buffer: await aPdf(`Note ${stamp}`) });
  await paul.getByLabel("Titre").fill(`Note de Paul ${stamp}`);
  await paul.getByLabel("Type de document").selectOption({ label: "Document personnel" });
  await paul.getByRole("button", { name: "Ajouter le document" }).click();
  await expect(paul).toHaveURL(/\/espace\/documents\/[0-9a-f-]{36}\?message=ajoute$/, { timeout: 20_000 });
  const documentPath = new URL(paul.url()).pathname;
  // Camille's history names who acted, and that it was for her.
  await camille.goto("/espace/historique");
  await expect(camille.getByRole("cell").filter({ hasText: "Paul Aidant" }).first()).toContainText("pour vous");
  // Not given: her sharing settings. Not offered on the home page; reached by its address, the
  // page says why it shows nothing.
  await paul.goto("/espace");
  await expect(paul.getByRole("link", { name: "Partage et confidentialité" })).toHaveCount(0);
  await paul.goto("/espace/partage");
  await expect(paul.getByRole("heading", { level: 1 })).toHaveText("Partage et confidentialité");
  await expect(paul.getByRole("status").filter({ hasText: "pas accessibles avec les droits de votre délégation" })).toBeVisible();
  await expect(paul.locator('form[action^="/api/partage"]')).toHaveCount(0);
  // Its two pages of their own say the same, not « Page introuvable ».
  for (const [address, title] of [["/espace/partage/historique", "Historique des choix de partage de Camille Martin"], ["/espace/partage/apercu?vue=pro:00000000-0000-4000-8000-000000000001", "Voir comme…"]] as const) {
    const answer = await paul.goto(address);
    expect(answer?.status(), address).toBe(200);
    await expect(paul.getByRole("heading", { level: 1 })).toHaveText(title);
    await expect(paul.getByRole("status").filter({ hasText: "pas accessibles avec les droits de votre délégation" })).toBeVisible();
  }
  await expectNoAxeViolations(paul, "/espace/partage/apercu out of reach");
  // The documents' filter: « Documents personnels » to Paul, « Mes documents » to Camille in her own space.
  await paul.goto("/espace/documents");
  await expect(paul.getByLabel("Catégorie").locator('option[value="personal"]')).toHaveText("Documents personnels");
  await camille.goto("/espace/documents");
  await expect(camille.getByLabel("Catégorie").locator('option[value="personal"]')).toHaveText("Mes documents");

  // Camille keeps only "ajouter des documents": reading the document is gone at Paul's next
  // request. Giving a right back (or another one) would wait out a new 24-hour pause.
  await camille.goto("/espace/proches");
  await camille.getByRole("link", { name: "Modifier ou retirer la délégation de Paul Aidant" }).click();
  await expectNoAxeViolations(camille, "/espace/proches/<id>");
  expect(await camille.locator("script[src]").count()).toBe(0);
  await camille.getByLabel("voir mes documents").uncheck();
  await camille.getByRole("button", { name: "Enregistrer" }).click();
  await expect(camille.getByRole("status").filter({ hasText: "Droits modifiés" })).toBeVisible();
  await paul.goto(documentPath);
  await expect(paul.getByRole("heading", { level: 1 })).toHaveText("Page introuvable");

  // Paul, still allowed to add documents, has the upload form open when the delegation is withdrawn.
  await paul.goto("/espace/documents/ajouter");
  await paul.getByLabel("Fichier").setInputFiles({ name: "tardive.pdf", mimeType: "application/pdf", buffer: await aPdf(`Tardive ${stamp}`) });
  await paul.getByLabel("Titre").fill(`Note tardive ${stamp}`);
  await paul.getByLabel("Type de document").selectOption({ label: "Document personnel" });

  await camille.getByRole("button", { name: "Retirer maintenant" }).click();
  await expect(camille.getByRole("status").filter({ hasText: "Délégation retirée" })).toBeVisible();
  // What he sends then is added nowhere: not to Camille's record, not to his own in its place.
  await paul.getByRole("button", { name: "Ajouter le document" }).click();
  await expect(paul.getByRole("alert")).toContainText("Vous n'avez plus accès à cet espace");
  await camille.goto("/espace/documents");
  await expect(camille.getByRole("main")).not.toContainText(`Note tardive ${stamp}`);
  // Paul's bookmark of a page of Camille's space: he is told his access has ended, with nothing
  // of hers (not even her name), whichever page of the space he opens.
  for (const address of [documentPath, "/espace/documents", "/espace"]) {
    const answer = await paul.goto(address);
    expect(answer?.status(), address).toBe(403);
    await expect(paul.getByRole("heading", { level: 1 })).toHaveText("Vous n'avez plus accès à cet espace");
    await expect(paul.getByRole("main")).not.toContainText("Camille");
    await expect(paul.getByRole("region", { name: "Espace d'une autre personne" })).toHaveCount(0);
  }
  await expectNoAxeViolations(paul, "a space no longer reached");
  await paul.getByRole("button", { name: "Voir les personnes pour qui j'agis" }).click();
  await expect(paul).toHaveURL(/\/espace\/proches$/);
  await expect(paul.getByRole("heading", { level: 1 })).toHaveText("Proches et délégations");
  await expect(actingFor).toContainText("Vous n'agissez pour personne.");
  await paul.goto("/espace/documents");
  await expect(paul.getByRole("main")).not.toContainText(`Note tardive ${stamp}`);
  await paul.goto("/espace");
  await expect(paul.getByRole("heading", { level: 1 })).not.toHaveText("Vous n'avez plus accès à cet espace");
  await expect(paul.getByRole("region", { name: "Espace d'une autre personne" })).toHaveCount(0);
});

test("without JavaScript: Camille invites and cancels; 'Sortie rapide' is a plain link; the e-mail's one-click cancel works signed out", async ({ browser }) => {
  const camille = await pageAs(browser, "camille", { javaScriptEnabled: false });
  await camille.goto("/espace/proches");
  const email = `nojs-${stamp}@example.org`;
  await camille.getByLabel("Prénom").fill("Sans");
  await camille.getByLabel(/^Nom/).fill("Script");
  await camille.getByLabel("Adresse e-mail").fill(email);
  // Required, and its name says so as every other required field's does (it did not: a walk of the invitation).
  const tie = camille.getByRole("combobox", { name: "Lien avec vous (obligatoire)", exact: true });
  await expect(tie).toHaveAttribute("required", "");
  await tie.selectOption({ label: "Ami ou amie" });
  await camille.getByRole("button", { name: "Envoyer l'invitation" }).click();
  await expect(camille.getByRole("status").filter({ hasText: "Invitation envoyée" })).toBeVisible();
  const pending = camille.getByRole("region", { name: "Invitations en attente" });
  await pending.getByRole("listitem").filter({ hasText: email }).getByRole("button", { name: /Annuler/ }).click();
  await expect(camille.getByRole("status").filter({ hasText: "Invitation annulée" })).toBeVisible();
  await expect(camille.getByRole("link", { name: /Sortie rapide/ })).toHaveAttribute("href", /^https:\/\/www\.google\.fr\//);

  // The one-click cancel from the e-mail, in a browser that is signed in to nothing.
  const other = `nojs-2-${stamp}@example.org`;
  const before = new Set(cancelLinks("camille.martin@example.org"));
  await camille.getByLabel("Prénom").fill("Lien");
  await camille.getByLabel(/^Nom/).fill("Courriel");
  await camille.getByLabel("Adresse e-mail").fill(other);
  await camille.getByLabel("Lien avec vous").selectOption({ label: "Ami ou amie" });
  await camille.getByRole("button", { name: "Envoyer l'invitation" }).click();
  await expect(camille.getByRole("region", { name: "Invitations en attente" })).toContainText(other);
  // The e-mail of this invitation, not an earlier one. The outbox worker sends in the background,
  // so an e-mail of the previous test (about a delegation since revoked) may land after `before`
  // was read: of the new links, the one whose page still offers the cancel is this invitation's.
  const anonymous = await (await newContext(browser)).newPage();
  const cancelButton = anonymous.getByRole("button", { name: "Annuler la délégation" });
  const tried = new Set(before);
  await expect
    .poll(
      async () => {
        for (const link of cancelLinks("camille.martin@example.org").filter((l) => !tried.has(l))) {
          tried.add(link);
          await anonymous.goto(link);
          if ((await cancelButton.count()) > 0) return true;
        }
        return false;
      },
      { timeout: 30_000 },
    )
    .toBe(true);
  await expect(anonymous.getByRole("heading", { level: 1 })).toHaveText("Annuler une délégation");
  await expectNoAxeViolations(anonymous, "/invitation/annuler/<secret>");
  expect(await anonymous.locator("script[src]").count()).toBe(0);
  await anonymous.getByRole("button", { name: "Annuler la délégation" }).click();
  await expect(anonymous.getByRole("heading", { level: 1 })).toHaveText("Délégation annulée");
  expect(await anonymous.locator("script[src]").count()).toBe(0);
  await camille.reload();
  await expect(camille.getByRole("region", { name: "Invitations en attente" })).toHaveCount(0);
});

test("the release of an account opening, from a link that no longer works, says so and changes nothing; its pages pass axe without a script", async ({ browser }) => {
  const visitor = await (await newContext(browser)).newPage();
  await visitor.goto(`/invitation/ouverture/${"A".repeat(43)}`);
  await expect(visitor.getByRole("heading", { level: 1 })).toHaveText("Annuler cette ouverture de compte");
  await expect(visitor.getByText("Ce lien n'est pas valable ou a déjà servi, ou le compte est déjà ouvert.")).toBeVisible();
  await expect(visitor.getByRole("button", { name: "Annuler cette ouverture de compte" })).toHaveCount(0);
  expect(await visitor.locator("script[src]").count()).toBe(0);
  await expectNoAxeViolations(visitor, "/invitation/ouverture/<forged>");
  await visitor.goto("/invitation/ouverture/invalide");
  await expect(visitor.getByText("rien n'a changé")).toBeVisible();
  await expectNoAxeViolations(visitor, "/invitation/ouverture/invalide");
});

test("an account opening begun by someone else from Camille's link: the mailbox's holder sees whose invitation it came from and declines it; the link opens nothing more and Camille reads it declined; axe finds nothing", async ({ browser }) => {
  test.setTimeout(120_000);
  const camille = await pageAs(browser, "camille");
  await camille.goto("/espace/proches");
  const email = `zoe-refus-${stamp}@example.org`;
  await camille.getByLabel("Prénom").fill("Zoé");
  await camille.getByLabel(/^Nom/).fill("Refus");
  await camille.getByLabel("Adresse e-mail").fill(email);
  await camille.getByLabel("Lien avec vous").selectOption({ label: "Ami ou amie" });
  await camille.getByRole("button", { name: "Envoyer l'invitation" }).click();
  const link = await camille.getByRole("textbox", { name: "Lien d'invitation" }).inputValue();

  // Whoever holds the link (not Zoé) posts its form first, with a birth date that is not hers.
  const squatter = await (await newContext(browser)).newPage();
  await squatter.goto(link);
  await squatter.getByLabel("Votre prénom").fill("Intrus");
  await squatter.getByLabel("Votre nom").fill("Refus");
  await squatter.getByLabel("Votre date de naissance").fill("1999-09-09");
  await squatter.getByRole("button", { name: "Créer mon compte" }).click();
  await expect(squatter).toHaveURL(/\/activer\?envoye=1$/);

  // Zoé, from the link of the code e-mail she did not ask for.
  const release = /\/invitation\/ouverture\/([A-Za-z0-9_-]{43})/;
  await expect.poll(() => mailed(email, release).length, { timeout: 15_000 }).toBeGreaterThan(0);
  const zoe = await (await newContext(browser)).newPage();
  await zoe.goto(`/invitation/ouverture/${mailed(email, release)[0]!}`);
  await expect(zoe.getByRole("heading", { level: 1 })).toHaveText("Annuler cette ouverture de compte");
  await expect(zoe.getByText("depuis une invitation envoyée par Camille Martin.")).toBeVisible();
  await expect(zoe.getByText(/Vous refuserez ainsi l'invitation envoyée par Camille Martin/)).toBeVisible();
  expect(await zoe.locator("script[src]").count()).toBe(0);
  await expectNoAxeViolations(zoe, "/invitation/ouverture/<secret>");
  await zoe.getByRole("button", { name: "Annuler cette ouverture de compte" }).click();
  await expect(zoe.getByRole("heading", { level: 1 })).toHaveText("Ouverture de compte annulée");
  await expect(zoe.getByText("L'invitation envoyée par Camille Martin a été refusée : son lien n'ouvrira plus rien.")).toBeVisible();
  await expectNoAxeViolations(zoe, "/invitation/ouverture/fait");

  await squatter.goto(link);
  await expect(squatter.getByText("La personne invitée a refusé cette invitation : son lien ne fonctionne plus.")).toBeVisible();
  await expect(squatter.getByRole("button", { name: "Créer mon compte" })).toHaveCount(0);
  await camille.goto("/espace/proches");
  await expect(camille.getByRole("region", { name: "Lien d'invitation" })).toContainText("Zoé Refus a refusé l'invitation : son lien ne fonctionne plus.");
  await expect(camille.getByRole("region", { name: "Invitations en attente" }).getByText(email)).toHaveCount(0);
  await expectNoAxeViolations(camille, "/espace/proches once the invitation is declined");
});

test("'Sortie rapide' is on the sign-in and invitation pages too: accessible, a plain link without JavaScript, and it replaces the history entry", async ({ browser }) => {
  const bogusInvitation = `/invitation/${"A".repeat(43)}`;
  const visitor = await (await newContext(browser)).newPage();
  // The neutral site is out of reach here: answer for it, so the leaving itself can be seen.
  await visitor.context().route("https://www.google.fr/**", (route) => route.fulfill({ contentType: "text/html", body: "<title>Météo</title>" }));
  for (const where of ["/connexion", bogusInvitation, "/invitation/invalide", "/page-qui-n-existe-pas"]) {
    const response = await visitor.goto(where);
    const exit = visitor.getByRole("link", { name: /Sortie rapide/ });
    await expect(exit, where).toHaveCount(1);
    await expect(exit, where).toHaveAttribute("href", /^https:\/\/www\.google\.fr\//);
    await expectNoAxeViolations(visitor, where);
    // The invitation's pages come with no script file (Pages Router, no runtime), and their
    // address (a secret) leaves in no Referer.
    if (where.startsWith("/invitation/")) {
      expect(await visitor.locator("script[src]").count(), where).toBe(0);
      expect(response!.headers()["referrer-policy"], where).toBe("no-referrer");
    }
  }
  // One Tab after the skip link.
  await visitor.goto("/connexion");
  await visitor.keyboard.press("Tab");
  await visitor.keyboard.press("Tab");
  await expect(visitor.getByRole("link", { name: /Sortie rapide/ })).toBeFocused();

  // Escape three times on the invitation page: gone, and "back" skips the invitation page.
  await visitor.goto(bogusInvitation);
  await expect(visitor.getByRole("heading", { level: 1 })).toHaveText("Invitation d'un proche");
  // The key listener comes with the page's JavaScript: wait until it has loaded.
  await visitor.waitForLoadState("networkidle");
  for (let i = 0; i < 3; i++) await visitor.keyboard.press("Escape");
  await expect(visitor).toHaveURL(/^https:\/\/www\.google\.fr\//);
  await visitor.goBack();
  await expect(visitor).toHaveURL(/\/connexion$/);
  // The button does the same on the sign-in page.
  await visitor.goto(bogusInvitation);
  await visitor.goto("/connexion");
  await visitor.waitForLoadState("networkidle");
  await visitor.getByRole("link", { name: /Sortie rapide/ }).click();
  await expect(visitor).toHaveURL(/^https:\/\/www\.google\.fr\//);
  await visitor.goBack();
  await expect(visitor).toHaveURL(new RegExp(`${bogusInvitation}$`));

  // Without JavaScript, on the sign-in page: the same link, still there.
  const plain = await (await newContext(browser, { javaScriptEnabled: false })).newPage();
  await plain.goto("/connexion");
  await expect(plain.getByRole("link", { name: /Sortie rapide/ })).toHaveAttribute("href", /^https:\/\/www\.google\.fr\//);
});

test("Camille, in Léo's space as his guardian, reads his relatives, sharing and notifications pages about him, not as her own", async ({ browser }) => {
  const camille = await pageAs(browser, "camille");
  await camille.goto("/espace");
  await camille.getByRole("listitem").filter({ hasText: "Léo Martin — vous exercez sa représentation légale" }).getByRole("button", { name: "Ouvrir cet espace" }).click();
  await expect(camille.getByRole("status").filter({ hasText: "Vous agissez pour Léo Martin." })).toBeVisible();

  await camille.goto("/espace/proches");
  await expect(camille.getByRole("region", { name: "Les personnes qui peuvent agir pour Léo Martin" })).toContainText("Camille Martin");
  await expect(camille.getByRole("region", { name: "Les personnes qui peuvent agir pour moi" })).toHaveCount(0);
  await expect(camille.getByLabel("Lien avec Léo Martin")).toHaveValue("");
  // A child has no spouse: not offered in his space (the server refuses it too).
  await expect(camille.getByLabel("Lien avec Léo Martin").getByRole("option", { name: "Conjoint ou conjointe" })).toHaveCount(0);
  await expect(camille.getByRole("checkbox", { name: "voir ses documents" })).toBeVisible();
  await expectNoAxeViolations(camille, "/espace/proches in Léo's space");

  await camille.goto("/espace/partage");
  await expect(camille.getByText("Vous gérez pour Léo Martin qui peut voir son dossier.")).toBeVisible();
  await expect(camille.getByLabel("Voir le dossier de Léo Martin comme")).toBeVisible();
  await expect(camille.getByRole("main").getByText(/votre dossier|vos documents|mon dossier|mes documents/i)).toHaveCount(0);
  await expectNoAxeViolations(camille, "/espace/partage in Léo's space");

  // Her notifications there: his, and her own, the page says so.
  await camille.goto("/espace/notifications");
  await expect(camille.getByText(/^Ce qui s'est passé dans l'espace santé de Léo Martin/)).toBeVisible();
  await expectNoAxeViolations(camille, "/espace/notifications in Léo's space");
  await camille.getByRole("button", { name: "Revenir à mon espace" }).click();
  await camille.goto("/espace/partage");
  await expect(camille.getByText("Vous décidez qui peut voir votre dossier.")).toBeVisible();
});

test("without JavaScript: a delegation's change refused for its last day comes back to its page with that field marked and described; axe finds nothing", async ({ browser }) => {
  // The browser keeps the field within its bounds (min, max, required): a day it cannot check
  // (« demain », as typed where there is no date picker) is posted as a form would post it.
  const jean = await pageAs(browser, "jean", { javaScriptEnabled: false });
  await jean.goto("/espace/proches");
  await jean.getByRole("link", { name: "Modifier ou retirer la délégation de Camille Martin" }).click();
  const delegation = new URL(jean.url()).pathname;
  const action = await jean.locator(`form[action$="/modifier"]`).getAttribute("action");
  const answer = await jean.request.post(action!, { form: { droits: "documents:read", fin: "demain" }, headers: { origin: new URL(jean.url()).origin }, maxRedirects: 0 });
  expect(answer.status()).toBe(303);
  expect(answer.headers()["location"]).toBe(`${delegation}?message=date`);
  await jean.goto(answer.headers()["location"]!);
  await expect(jean.getByRole("alert")).toBeFocused();
  const end = jean.getByLabel(/Dernier jour de la délégation/);
  await expect(end).toHaveAttribute("aria-invalid", "true");
  await expect(end).toHaveAccessibleDescription(/La date de fin doit être entre aujourd'hui et dans trois ans au plus\./);
  // Nothing changed: the rights read as before.
  await expect(jean.getByRole("main")).not.toContainText("Droits modifiés");
  const scripted = await pageAs(browser, "jean");
  await scripted.goto(`${delegation}?message=date`);
  await expect(scripted.getByLabel(/Dernier jour de la délégation/)).toHaveAttribute("aria-invalid", "true");
  await expectNoAxeViolations(scripted, "/espace/proches/<id>, refused for its last day");
});
