import { readFile } from "node:fs/promises";
import type { Bundle } from "@medplum/fhirtypes";
import { expect, test, type Page, type Request } from "@playwright/test";
import { strFromU8, unzipSync } from "fflate";
import { PDFDocument, StandardFonts } from "pdf-lib";
import { PATIENT_IDS } from "@/lib/demo/personas";
import { personaPages } from "./helpers/persona-pages";
import { expectNoAxeViolations } from "./helpers/axe";
import { results, rowTitled } from "./helpers/documents-table";

/**
 * The documents pages in a real browser, on the seeded demo: Camille browses, searches, opens,
 * uploads and hides; Dr Bernard stops seeing what she hid, and adds to her record. What others
 * see of a record (a blocked professional, an emergency, a relative): documents-access.spec.ts.
 * axe checks each page on the way.
 *
 * The demo record is shared with the other specs: this one only hides and deletes documents it
 * uploaded itself, and switches Camille back to her own space at the end.
 */
test.describe.configure({ mode: "serial" });

const CAMILLE = PATIENT_IDS.camille;
/** Only in the body of Camille's 2019 chest X-ray report, never in a title. */
const PDF_ONLY_WORD = "distension";
const XRAY_TITLE = "Radiographie thoracique de face et de profil";
const HOSTILE = "<img src=x onerror=alert(1)>";
const stamp = `e2e${Date.now().toString(36)}`;

// One signed-in session per persona for the whole file: a TOTP code is usable once, so signing
// in again within 30 seconds means waiting for the next step.
const { pageAs, closeAll } = personaPages();

/** Fails the test if any page ran a script from stored text (SECURITY-CASES 29). */
function watchDialogs(page: Page): string[] {
  const dialogs: string[] = [];
  page.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  return dialogs;
}

/** A readable PDF; extra pages of filler make it big enough for the upload to take a moment on a slow line. */
async function aPdf(lines: string[], fillerPages = 0): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const page = doc.addPage();
  lines.forEach((line, i) => page.drawText(line, { x: 50, y: 780 - i * 16, size: 11, font }));
  for (let p = 0; p < fillerPages; p++) {
    const filler = doc.addPage();
    for (let i = 0; i < 45; i++) filler.drawText(`Ligne ${p}-${i} : texte de remplissage pour un envoi plus long.`, { x: 50, y: 780 - i * 16, size: 11, font });
  }
  return Buffer.from(await doc.save({ useObjectStreams: false }));
}

test.afterAll(closeAll);

test("Camille filters her documents by category, in the URL", async ({ browser }) => {
  const page = await pageAs(browser, "camille");
  await page.goto("/espace/documents");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Mes documents");
  await expect(results(page)).toBeVisible();
  // Opened plainly, the page starts at its top: nothing has the focus.
  await expect(page.locator(":focus")).toHaveCount(0);
  await expectNoAxeViolations(page, "documents list");

  await page.getByLabel("Catégorie").selectOption({ label: "Imagerie" });
  await page.getByRole("button", { name: "Appliquer les filtres" }).click();
  await expect(page).toHaveURL(/[?&]categorie=imaging/);
  await expect(rowTitled(page, XRAY_TITLE)).toBeVisible();
  // The page that answers the filters puts the focus on its count, read first, the keyboard
  // starting there (documents-list-view.tsx), not back at the top of the page.
  await expect(page.getByRole("heading", { level: 2, name: /^\d+ documents?$/ })).toBeFocused();
  const categories = await results(page).locator("tbody tr td:nth-child(2)").allInnerTexts();
  expect(categories.length).toBeGreaterThan(0);
  expect(new Set(categories)).toEqual(new Set(["Imagerie"]));
  await expectNoAxeViolations(page, "filtered documents list");

  // The view is a bookmark: reloading the URL gives the same filters.
  await page.reload();
  await expect(page.getByLabel("Catégorie")).toHaveValue("imaging");
});

test("Camille's documents page comes with no script to download, and 'Sortie rapide' still leaves on a click or Escape", async ({ browser }) => {
  const page = await pageAs(browser, "camille");
  const scripts: string[] = [];
  page.on("request", (request) => {
    if (request.resourceType() === "script") scripts.push(request.url());
  });
  const response = await page.goto("/espace/documents");
  await expect(results(page)).toBeVisible();
  // No bundle and no page data: the one script is the inline shortcut, under the page's nonce.
  expect(scripts).toEqual([]);
  const html = await response!.text();
  expect(html).not.toContain("__NEXT_DATA__");
  expect(html).not.toContain("self.__next_f");
  const nonce = /'nonce-([^']+)'/.exec(response!.headers()["content-security-policy"] ?? "")?.[1];
  expect(nonce).toBeTruthy();
  const inline = [...html.matchAll(/<script([^>]*)>/g)].map((match) => match[1]);
  expect(inline).toEqual([` nonce="${nonce}"`]);
  // The frame is the rest of the portal's: the header's links and the footer.
  await expect(page.getByRole("link", { name: /^Notifications/ })).toBeVisible();
  await expect(page.getByRole("link", { name: "Mon compte" })).toBeVisible();
  await expect(page).toHaveTitle("Mes documents — Mon espace santé");

  await page.context().route("https://www.google.fr/**", (route) => route.fulfill({ contentType: "text/html", body: "<title>Météo</title>" }));
  // Escape three times: gone, and "back" skips the documents page (its entry was replaced).
  await page.goto("/espace");
  await page.goto("/espace/documents");
  for (let i = 0; i < 3; i++) await page.keyboard.press("Escape");
  await expect(page).toHaveURL(/^https:\/\/www\.google\.fr\//);
  await page.goBack();
  await expect(page).toHaveURL(/\/espace$/);
  // The link does the same.
  await page.goto("/espace/documents");
  await page.getByRole("link", { name: /Sortie rapide/ }).click();
  await expect(page).toHaveURL(/^https:\/\/www\.google\.fr\//);
  await page.goBack();
  await expect(page).toHaveURL(/\/espace$/);
  await page.context().unroute("https://www.google.fr/**");
});

test("from the App Router's last page (« Page introuvable »), a link home is a plain navigation: no runtime fetch, the page rendered once", async ({ browser }) => {
  const page = await pageAs(browser, "camille");
  const answers: { path: string; status: number; fromRuntime: boolean }[] = [];
  page.on("response", (response) => {
    const path = new URL(response.url()).pathname;
    if (path !== "/" && path !== "/espace") return;
    answers.push({ path, status: response.status(), fromRuntime: response.request().headers()["rsc"] === "1" });
  });
  const missing = await page.goto("/espace/adresse-inconnue");
  expect(missing?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page introuvable");
  // This page still carries Next's runtime, which prefetched the links it was given (next/link).
  // Links are plain now (eslint.config.mjs says why): the runtime fetches nothing of the pages.
  expect(await page.locator("script[src]").count()).toBeGreaterThan(0);
  await page.getByRole("link", { name: "Retour à l'accueil" }).click();
  await expect(page).toHaveURL(/\/espace$/);
  expect(answers.filter((a) => a.fromRuntime)).toEqual([]);
  expect(answers.filter((a) => a.path === "/espace")).toEqual([{ path: "/espace", status: 200, fromRuntime: false }]);
});

test("Camille finds a word that appears only inside a PDF, and opens the document in the viewer", async ({ browser }) => {
  const page = await pageAs(browser, "camille");
  await page.goto("/espace/documents");
  await page.getByLabel("Rechercher un mot").fill(PDF_ONLY_WORD);
  await page.getByRole("button", { name: "Appliquer les filtres" }).click();
  await expect(page).toHaveURL(new RegExp(`[?&]q=${PDF_ONLY_WORD}`));
  await expect(page.getByRole("heading", { name: "1 document", exact: true })).toBeFocused();
  const row = rowTitled(page, XRAY_TITLE);
  await expect(row).toBeVisible();
  await expect(row).not.toContainText(PDF_ONLY_WORD);

  await row.getByRole("link").click();
  // The list's filters go with the document, for its « Retour aux documents » (listQueryOf).
  await expect(page).toHaveURL(new RegExp(`/espace/documents/[0-9a-f-]{36}\\?q=${PDF_ONLY_WORD}$`));
  await expect(page.getByRole("link", { name: "Retour aux documents" })).toHaveAttribute("href", `/espace/documents?q=${PDF_ONLY_WORD}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(XRAY_TITLE);
  const viewer = page.locator(`iframe[title="Aperçu du document « ${XRAY_TITLE} »"]`);
  await expect(viewer).toBeVisible();
  // The viewer's file is served as a PDF, through the access gate, never cached.
  const file = await page.request.get(`${new URL(page.url()).pathname.replace("/espace/documents/", "/api/documents/")}/file?affichage=integre`);
  expect(file.status()).toBe(200);
  expect(file.headers()["content-type"]).toBe("application/pdf");
  expect(file.headers()["cache-control"]).toContain("no-store");
  expect(file.headers()["x-content-type-options"]).toBe("nosniff");
  await expect(page.getByRole("region", { name: "Informations" })).toContainText("Imagerie");
  // A professional wrote it: the patient may hide it, not delete it.
  await expect(page.getByRole("button", { name: "Masquer ce document aux professionnels" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Supprimer ce document" })).toHaveCount(0);
  // Opened again: her own last view is one sentence, the table is everyone else's.
  await page.reload();
  const views = page.getByRole("region", { name: "Qui a consulté ce document" });
  await expect(views).toContainText("Votre dernière consultation : le ");
  await expect(views.getByRole("cell", { name: "Vous", exact: true })).toHaveCount(0);
  await expectNoAxeViolations(page, "document page with viewer");
  // Its whole history, refused attempts included, is the access history narrowed to it, and leads back.
  const documentPath = new URL(page.url()).pathname;
  await views.getByRole("link", { name: "Tout l'historique de ce document" }).click();
  await expect(page).toHaveURL(new RegExp(`/espace/historique\\?document=${documentPath.split("/").at(-1)}$`));
  await expect(page.getByText("Seuls les accès à ce document sont affichés")).toBeVisible();
  await expect(page.getByRole("table")).toContainText("Consultation");
  await expectNoAxeViolations(page, "history of one document");
  await page.getByRole("link", { name: "Revenir au document" }).click();
  await expect(page).toHaveURL(new RegExp(`${documentPath}$`));
});

test("Camille uploads a PDF with progress shown; its hostile title stays text in her views and Dr Bernard's", async ({ browser }) => {
  const page = await pageAs(browser, "camille");
  const dialogs = watchDialogs(page);
  await page.goto("/espace/documents/ajouter");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Ajouter un document");
  // The progress below is an inline script's: the page loads no bundle (no React, no Next runtime).
  await expect(page.locator("script[src]")).toHaveCount(0);
  await expectNoAxeViolations(page, "upload form");

  await page.getByLabel("Fichier").setInputFiles({ name: "compte-rendu.pdf", mimeType: "application/pdf", buffer: await aPdf([`Compte rendu ${stamp}`], 40) });
  await page.getByLabel("Titre").fill(`${HOSTILE} ${stamp}`);
  await page.getByLabel("Type de document").selectOption({ label: "Document personnel" });
  await page.getByLabel("Date du document").fill("2026-10-01");
  // A slow line (Chrome's network emulation), so the progress indicator is seen as a patient would.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.emulateNetworkConditions", { offline: false, latency: 100, downloadThroughput: -1, uploadThroughput: 40 * 1024 });
  const answer = page.waitForResponse((r) => r.url().endsWith("/api/documents") && r.request().method() === "POST");
  await page.getByRole("button", { name: "Ajouter le document" }).click();
  await expect(page.getByRole("progressbar", { name: "Progression de l'envoi" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Envoi en cours…" })).toBeDisabled();
  expect((await answer).status()).toBe(201);
  await expect(page).toHaveURL(/\/espace\/documents\/[0-9a-f-]{36}\?message=ajoute$/, { timeout: 20_000 });
  await cdp.send("Network.emulateNetworkConditions", { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
  await expect(page.getByRole("status").filter({ hasText: "Le document a été ajouté." })).toBeVisible();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`${HOSTILE} ${stamp}`);
  await expect(page.locator('img[src="x"]')).toHaveCount(0);

  await page.goto(`/espace/documents?q=${stamp}`);
  await expect(rowTitled(page, `${HOSTILE} ${stamp}`)).toBeVisible();
  await expect(page.locator('img[src="x"]')).toHaveCount(0);

  const bernard = await pageAs(browser, "bernard");
  const bernardDialogs = watchDialogs(bernard);
  await bernard.goto(`/pro/patients/${CAMILLE}?q=${stamp}`);
  await expect(bernard.getByRole("heading", { level: 1 })).toHaveText("Documents de Camille Martin");
  await expect(rowTitled(bernard, `${HOSTILE} ${stamp}`)).toBeVisible();
  await expectNoAxeViolations(bernard, "professional's patient page");
  await rowTitled(bernard, `${HOSTILE} ${stamp}`).getByRole("link").click();
  await expect(bernard.getByRole("heading", { level: 1 })).toHaveText(`${HOSTILE} ${stamp}`);
  await expect(bernard.locator('img[src="x"]')).toHaveCount(0);
  expect([...dialogs, ...bernardDialogs]).toEqual([]);
});

test("an upload refused to the form's script marks the field it is about, as the page sent back without scripts does", async ({ browser }) => {
  const page = await pageAs(browser, "bernard");
  await page.goto(`/pro/patients/${CAMILLE}/ajouter`);
  const file = page.getByLabel("Fichier");
  await file.setInputFiles({ name: "note.txt", mimeType: "text/plain", buffer: Buffer.from("pas un document") });
  await page.getByRole("button", { name: "Ajouter le document" }).click();
  const alert = page.getByRole("main").getByRole("alert");
  await expect(alert).toHaveText("Ce type de fichier n'est pas accepté. Envoyez un PDF, une image JPEG ou PNG.");
  await expect(alert).toBeFocused();
  await expect(file).toHaveAttribute("aria-invalid", "true");
  await expect(file).toHaveAccessibleDescription(/PDF, JPEG ou PNG, 20 Mo au maximum\. Ce type de fichier n'est pas accepté/);
  // Sent again, the mark goes with the refusal it belonged to: an unreadable PDF marks the file once.
  await file.setInputFiles({ name: "illisible.pdf", mimeType: "application/pdf", buffer: Buffer.from("%PDF-1.4 illisible") });
  await page.getByRole("button", { name: "Ajouter le document" }).click();
  await expect(alert).toHaveText("Ce PDF est illisible ou protégé par un mot de passe.");
  await expect(file).toHaveAttribute("aria-describedby", "upload-file-hint upload-error");
});

test("Camille hides her upload and Dr Bernard no longer sees it, in the list, the search, its page or its file", async ({ browser }) => {
  const page = await pageAs(browser, "camille");
  await page.goto(`/espace/documents?q=${stamp}`);
  await rowTitled(page, stamp).getByRole("link").click();
  const documentPath = new URL(page.url()).pathname;
  const documentId = documentPath.split("/").pop()!;
  await page.getByRole("button", { name: "Masquer ce document aux professionnels" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Le document est maintenant masqué aux professionnels." })).toBeVisible();
  await expect(page.getByRole("button", { name: "Rendre ce document visible aux professionnels autorisés" })).toBeVisible();
  await page.goto(`/espace/documents?q=${stamp}`);
  await expect(rowTitled(page, stamp)).toContainText("Masqué aux professionnels");

  const bernard = await pageAs(browser, "bernard");
  await bernard.goto(`/pro/patients/${CAMILLE}?q=${stamp}`);
  await expect(bernard.getByRole("heading", { name: "Aucun document", exact: true })).toBeVisible();
  await bernard.goto(`/pro/patients/${CAMILLE}`);
  await expect(results(bernard)).toBeVisible();
  await expect(results(bernard)).not.toContainText(stamp);
  await bernard.goto(`/pro/patients/${CAMILLE}/documents/${documentId}`);
  await expect(bernard.getByRole("heading", { level: 1 })).toHaveText("Page introuvable");
  expect((await bernard.request.get(`/api/documents/${documentId}/file`)).status()).toBe(404);
});

test("Camille deletes what she uploaded, without JavaScript too", async ({ browser }) => {
  const page = await pageAs(browser, "camille", { javaScriptEnabled: false });
  // The upload form is a plain multipart post when no script runs.
  await page.goto("/espace/documents/ajouter");
  await page.getByLabel("Fichier").setInputFiles({ name: "sans-script.pdf", mimeType: "application/pdf", buffer: await aPdf(["Sans script"]) });
  await page.getByLabel("Titre").fill(`Sans script ${stamp}`);
  await page.getByLabel("Date du document").fill("2026-10-02");
  await page.getByRole("button", { name: "Ajouter le document" }).click();
  await expect(page).toHaveURL(/\/espace\/documents\/[0-9a-f-]{36}\?message=ajoute$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Sans script ${stamp}`);

  for (const title of [`Sans script ${stamp}`, `${HOSTILE} ${stamp}`]) {
    await page.goto(`/espace/documents?q=${stamp}`);
    await rowTitled(page, title).getByRole("link").click();
    await page.getByLabel("Je confirme vouloir supprimer ce document").check();
    await page.getByRole("button", { name: "Supprimer le document" }).click();
    // Back to the list she opened it from, its words kept (document-post.ts).
    await expect(page).toHaveURL(new RegExp(`/espace/documents\\?message=supprime&q=${stamp}$`));
    await expect(page.getByRole("status").filter({ hasText: "Le document a été supprimé." })).toBeVisible();
  }
  await page.goto(`/espace/documents?q=${stamp}`);
  await expect(page.getByRole("heading", { name: "Aucun document", exact: true })).toBeVisible();
});

test("Dr Bernard adds a PDF to Camille's record: he is its author, and she cannot delete it", async ({ browser }) => {
  const bernard = await pageAs(browser, "bernard");
  // His view of her record, like her documents page, comes with no script to download.
  const scripts: string[] = [];
  const countScripts = (request: Request) => void (request.resourceType() === "script" && scripts.push(request.url()));
  bernard.on("request", countScripts);
  await bernard.goto(`/pro/patients/${CAMILLE}`);
  await expect(bernard.getByRole("navigation", { name: "Dossier de Camille Martin" }).getByRole("link", { name: "Documents" })).toHaveAttribute("aria-current", "page");
  await expectNoAxeViolations(bernard, "professional's record of Camille");
  bernard.off("request", countScripts);
  expect(scripts).toEqual([]);
  await bernard.getByRole("link", { name: "Ajouter un document" }).click();
  await expect(bernard).toHaveURL(new RegExp(`/pro/patients/${CAMILLE}/ajouter$`));
  await expect(bernard.getByRole("heading", { level: 1 })).toHaveText("Ajouter un document au dossier de Camille Martin");
  await expectNoAxeViolations(bernard, "professional's upload form");
  await bernard.getByLabel("Fichier").setInputFiles({ name: "courrier.pdf", mimeType: "application/pdf", buffer: await aPdf([`Courrier ${stamp}`]) });
  await bernard.getByLabel("Titre").fill(`Courrier du Dr Bernard ${stamp}`);
  await bernard.getByLabel("Type de document").selectOption({ label: "Compte rendu de consultation" });
  await bernard.getByLabel("Date du document").fill("2026-10-03");
  await bernard.getByRole("button", { name: "Ajouter le document" }).click();
  await expect(bernard).toHaveURL(new RegExp(`/pro/patients/${CAMILLE}/documents/[0-9a-f-]{36}\\?message=ajoute$`));
  await expect(bernard.getByRole("heading", { level: 1 })).toHaveText(`Courrier du Dr Bernard ${stamp}`);

  const camille = await pageAs(browser, "camille");
  await camille.goto(`/espace/documents?q=${stamp}`);
  const row = rowTitled(camille, `Courrier du Dr Bernard ${stamp}`);
  await expect(row).toBeVisible();
  await expect(results(camille).getByRole("row").filter({ hasText: `Courrier du Dr Bernard ${stamp}` })).toContainText("Sophie Bernard");
  await row.getByRole("link").click();
  await expect(camille.getByRole("region", { name: "Informations" })).toContainText("Sophie Bernard");
  await expect(camille.getByRole("heading", { name: "Supprimer ce document" })).toHaveCount(0);
  // Posting the delete form anyway changes nothing.
  const documentId = new URL(camille.url()).pathname.split("/").pop()!;
  const origin = new URL(camille.url()).origin;
  await camille.request.post(`/api/documents/${documentId}/supprimer`, { headers: { origin }, form: { confirmation: "oui" }, maxRedirects: 0 });
  await camille.reload();
  await expect(camille.getByRole("heading", { level: 1 })).toHaveText(`Courrier du Dr Bernard ${stamp}`);
});

test("Camille downloads a copy of her record from her documents page: a ZIP of her record and its files", async ({ browser }) => {
  const page = await pageAs(browser, "camille");
  await page.goto("/espace/documents");
  await page.getByRole("link", { name: "Télécharger une copie de mon dossier" }).click();
  await expect(page).toHaveURL(/\/espace\/copie$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Télécharger une copie de mon dossier");
  await expectNoAxeViolations(page, "record copy page");

  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Télécharger la copie (ZIP)" }).click()]);
  expect(download.suggestedFilename()).toMatch(/^copie-dossier-sante-\d{4}-\d{2}-\d{2}\.zip$/);
  const bytes = await readFile(await download.path());
  expect(bytes.subarray(0, 4).toString("latin1")).toBe("PK\x03\x04");
  const files = unzipSync(new Uint8Array(bytes));
  const bundle = JSON.parse(strFromU8(files["dossier.json"]!)) as Bundle;
  expect(bundle.type).toBe("collection");
  expect(bundle.entry?.some((entry) => entry.resource?.resourceType === "Patient" && entry.resource.id === CAMILLE)).toBe(true);
  expect(Object.keys(files).some((name) => name.startsWith("documents/") && name.endsWith(`${XRAY_TITLE}.pdf`))).toBe(true);
  expect(strFromU8(files["LISEZMOI.txt"]!)).toContain("Copie du dossier de santé de Camille Martin");
  // A download leaves the page where it is.
  await expect(page).toHaveURL(/\/espace\/copie$/);
});
