import { expect, test, type Browser, type Page } from "@playwright/test";
import { PRESCRIPTION_IDS } from "@/lib/demo/personas";
import { personaPages } from "./helpers/persona-pages";
import { expectNoAxeViolations } from "./helpers/axe";
import { fontsOf } from "../helpers/pdf-fonts";
import { readTaggedPdf } from "../helpers/read-tagged-pdf";

/**
 * Prescriptions and the pharmacist's link in real browsers, on the seeded demo: Camille sends
 * her active prescription; a second browser (the pharmacist, no account) opens the link, gives
 * a wrong passcode then the right one and records a partial dispensation; Camille sees it; the
 * second dispensation completes the prescription and the link answers 404. A revoked link dies
 * at once. Camille, acting for Jean, sends his prescription and Jean's history shows she did.
 * axe checks every page on the way; every request the pharmacist's browser sends is checked for
 * the link's key.
 */
test.describe.configure({ mode: "serial" });

const { pageAs, newContext, closeAll } = personaPages();
const PHARMACY = "Pharmacie du Parc (essai)";

/** A browser with no account; every request it sends is kept, to look for the key in them. */
async function pharmacist(browser: Browser): Promise<{ page: Page; sent: string[] }> {
  const page = await (await newContext(browser)).newPage();
  const sent: string[] = [];
  page.on("request", (request) => sent.push(`${request.method()} ${request.url()} ${JSON.stringify(request.headers())}`));
  return { page, sent };
}

/** "Send to a pharmacy" from the prescription's page: returns the link and passcode shown once. */
async function sendToPharmacy(page: Page, prescriptionId: string, checkPage = false): Promise<{ url: string; passcode: string }> {
  await page.goto(`/espace/ordonnances/${prescriptionId}`);
  await expect(page.getByRole("heading", { name: "Envoyer à une pharmacie" })).toBeVisible();
  await expect(page.getByLabel("Protéger le lien par un code à 6 chiffres (recommandé)")).toBeChecked();
  if (checkPage) await expectNoAxeViolations(page, "prescription page");
  await page.getByRole("button", { name: "Créer le lien" }).click();
  await expect(page).toHaveURL(new RegExp(`/espace/ordonnances/${prescriptionId}/lien$`));
  await expect(page.getByRole("img", { name: "QR code du lien de partage de l'ordonnance vers la pharmacie" })).toBeVisible();
  // No bundle: the copy button's behaviour is the page's one inline script.
  expect(await page.locator("script[src]").count()).toBe(0);
  const url = await page.getByLabel("Lien à copier").inputValue();
  await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.getByRole("button", { name: "Copier le lien" }).click();
  await expect(page.getByRole("status").filter({ hasText: /copié/ })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(url);
  const passcode = (await page.getByTestId("share-passcode").innerText()).trim();
  expect(url).toMatch(/\/p\/[0-9a-f-]{36}#[A-Za-z0-9_-]{43}$/);
  expect(passcode).toMatch(/^\d{6}$/);
  if (checkPage) {
    await expectNoAxeViolations(page, "share result");
    // It shows a link's key: no referrer leaves it, and no cache keeps it.
    const headers = (await page.reload())!.headers();
    expect(headers["referrer-policy"]).toBe("no-referrer");
    expect(headers["cache-control"]).toContain("no-store");
  }
  return { url, passcode };
}

async function openAsPharmacist(page: Page, url: string, passcode: string) {
  await page.goto(url);
  await page.getByLabel("Code à 6 chiffres").fill(passcode);
  await page.getByLabel("Nom de la pharmacie").fill(PHARMACY);
  await page.getByRole("button", { name: "Ouvrir l'ordonnance" }).click();
}

const wrong = (passcode: string) => (passcode === "000000" ? "000001" : "000000");

test.afterAll(closeAll);

test("Camille's prescriptions: active ones first, then past ones, with what was dispensed", async ({ browser }) => {
  const page = await pageAs(browser, "camille");
  await page.goto("/espace");
  await page.getByRole("link", { name: "Ordonnances" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Mes ordonnances");
  const active = page.getByRole("region", { name: "Ordonnances en cours" });
  const past = page.getByRole("region", { name: "Ordonnances passées" });
  await expect(active.getByRole("article")).toHaveCount(2);
  await expect(active).toContainText("Budésonide/formotérol");
  await expect(past).toContainText("Délivrée");
  await expect(past).toContainText("Expirée");
  await expect(past).toContainText("Pharmacie du Centre");
  await expectNoAxeViolations(page, "prescriptions list");

  await page.goto(`/espace/ordonnances/${PRESCRIPTION_IDS.camilleActive}/imprimer`);
  await expect(page.getByRole("img", { name: /QR code identifiant l'ordonnance/ })).toBeVisible();
  expect(await page.locator("script[src]").count()).toBe(0);
  await expectNoAxeViolations(page, "printable view");
  const pdf = await page.request.get(`/api/ordonnances/${PRESCRIPTION_IDS.camilleActive}/pdf`);
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()["content-type"]).toBe("application/pdf");
  expect((await pdf.body()).subarray(0, 5).toString()).toBe("%PDF-");
  // Tagged by the built server too (PDFKit stays outside its bundle): French, headed, structured.
  const tagged = await readTaggedPdf(await pdf.body());
  expect(tagged).toMatchObject({ lang: "fr-FR", marked: true, hasStructTreeRoot: true, untaggedText: [] });
  expect(tagged.elements[0]).toMatchObject({ role: "H1", text: "ORDONNANCE" });
  expect(tagged.elements.some((element) => element.path === "Document/L/LI/LBody/P" && element.text.includes("Budésonide/formotérol"))).toBe(true);
  // In embedded fonts: the built server found their files in node_modules (pdf-fonts.ts).
  expect((await fontsOf(await pdf.body())).map(({ name, fontFile }) => `${name.replace(/^[A-Z]{6}\+/, "")} ${fontFile}`).sort()).toEqual(["Arimo-Bold FontFile2", "Arimo-Regular FontFile2"]);
});

test("a pharmacist opens Camille's link, is refused a wrong passcode, records a partial dispensation then the rest one fill at a time, and the link dies", async ({ browser }) => {
  // Two browsers and seven axe passes: more than the default minute on a busy 2-core machine.
  test.setTimeout(120_000);
  const camille = await pageAs(browser, "camille");
  const { url, passcode } = await sendToPharmacy(camille, PRESCRIPTION_IDS.camilleActive, true);
  const key = url.split("#")[1]!;
  const { page, sent } = await pharmacist(browser);

  // The link without its fragment, in a tab that never saw it: the form says the key is missing.
  await page.goto(url.split("#")[0]!);
  await expect(page.getByRole("alert").filter({ hasText: "La clé du lien est absente" })).toBeVisible();
  await page.goto(url);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Ordonnance partagée avec votre pharmacie");
  await expect(page.getByText("La clé du lien est absente")).toHaveCount(0);
  expect(await page.locator("script[src]").count()).toBe(0);
  await expectNoAxeViolations(page, "pharmacist's passcode form");
  await openAsPharmacist(page, url, wrong(passcode));
  await expect(page.getByRole("alert").filter({ hasText: "Code incorrect" })).toHaveText("Code incorrect. Essais restants : 9.");
  await expectNoAxeViolations(page, "pharmacist's form after a wrong passcode");

  // Back on the form without the fragment: the key kept in the tab still opens it, and the
  // pharmacy's name typed before the wrong code is still in its field (not typed again).
  await expect(page.getByLabel("Nom de la pharmacie")).toHaveValue(PHARMACY);
  await page.getByLabel("Code à 6 chiffres").fill(passcode);
  await page.getByRole("button", { name: "Ouvrir l'ordonnance" }).click();
  await expect(page.getByTestId("patient-name")).toHaveText("Camille Martin");
  await expect(page.getByText("Née le 14 mars 1985")).toBeVisible();
  await expect(page.getByText("Dr Sophie Bernard")).toBeVisible();
  await expectNoAxeViolations(page, "pharmacist's prescription view");
  const headers = (await page.reload())!.headers();
  expect(headers["referrer-policy"]).toBe("no-referrer");
  expect(headers["cache-control"]).toContain("no-store");

  const first = page.getByRole("group", { name: /Budésonide/ });
  // A quantity typed while « Rien aujourd'hui » is still checked: nothing is recorded, and the page says why.
  await first.getByLabel(/Quantité délivrée/).fill("1");
  await page.getByRole("button", { name: "Enregistrer la délivrance" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Rien n'a été enregistré" })).toContainText("cochez « Une partie »");
  await expectNoAxeViolations(page, "pharmacist's form sent back as unclear");
  await first.getByLabel("Une partie").check();
  await first.getByLabel(/Quantité délivrée/).fill("1");
  await page.getByRole("button", { name: "Enregistrer la délivrance" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Délivrance enregistrée." })).toBeVisible();

  // Camille sees it at once, with the pharmacy's name and the wrong passcode.
  await camille.goto(`/espace/ordonnances/${PRESCRIPTION_IDS.camilleActive}`);
  await expect(camille.getByRole("table", { name: "Ce que la pharmacie a délivré" })).toContainText(PHARMACY);
  const links = camille.getByRole("region", { name: "Liens envoyés aux pharmacies" });
  await expect(links).toContainText("Codes erronés : 1 ; essais restants : 9");
  await expect(links).toContainText("Code erroné (9 essais restants)");
  await expect(links).toContainText("Ouverture avec le bon code");
  await expectNoAxeViolations(camille, "prescription page with a dispensation and its link");

  // One fill at a time (a month of treatment at most, R. 5123-2): each line offers « Une
  // délivrance » while renewals follow, « Tout le reste » for its last; three visits hand over
  // what remains of both (Budésonide 2 of 3 inhalers, Salbutamol 3 of 3), and the link dies.
  await expect(page.getByRole("group", { name: /Salbutamol/ })).toContainText("Une délivrance couvre au plus un mois de traitement");
  for (let visit = 1; visit <= 3; visit++) {
    for (const group of await page.getByRole("group", { name: /Budésonide|Salbutamol/ }).all()) await group.getByLabel(/^(Une délivrance|Tout le reste) \(/).check();
    await page.getByRole("button", { name: "Enregistrer la délivrance" }).click();
    if (visit < 3) await expect(page.getByRole("status").filter({ hasText: "Délivrance enregistrée." })).toBeVisible();
  }
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Ordonnance entièrement délivrée");
  // The end pages are served by the Pages Router without Next's runtime: no script file.
  expect(await page.locator("script[src]").count()).toBe(0);
  await expectNoAxeViolations(page, "fully dispensed");
  // Back to the form in the same session (the back button): told it is fully dispensed, with no
  // form to post again and not sent to ask the patient for a new link.
  await page.goBack();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Ordonnance entièrement délivrée");
  await expect(page.getByText("Les délivrances sont enregistrées.", { exact: false })).toBeVisible();
  await expect(page.getByRole("button", { name: "Enregistrer la délivrance" })).toHaveCount(0);
  await expect(page.getByText("Demandez un nouveau lien")).toHaveCount(0);
  // Without the session (another computer, or the session over), the link is « no longer available ».
  await page.context().clearCookies();
  const gone = await page.goto(url);
  expect(gone!.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Ordonnance plus disponible");
  await expectNoAxeViolations(page, "no longer available");
  // Where the form posts send a dead link: the same words and 404, no referrer, no script file.
  const deadEnd = await page.goto(`${new URL(url).pathname}/indisponible`);
  expect(deadEnd!.status()).toBe(404);
  expect(deadEnd!.headers()["referrer-policy"]).toBe("no-referrer");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Ordonnance plus disponible");
  expect(await page.locator("script[src]").count()).toBe(0);

  // The key went out in POST bodies only: never in a request line nor a header.
  expect(sent.length).toBeGreaterThan(5);
  expect(sent.filter((line) => line.includes(key))).toEqual([]);
});

test("a revoked link dies at once, even for a pharmacist who has it open", async ({ browser }) => {
  const camille = await pageAs(browser, "camille");
  const { url, passcode } = await sendToPharmacy(camille, PRESCRIPTION_IDS.camillePartlyDispensed);
  const { page } = await pharmacist(browser);
  await openAsPharmacist(page, url, passcode);
  await expect(page.getByTestId("patient-name")).toHaveText("Camille Martin");

  await camille.goto(`/espace/ordonnances/${PRESCRIPTION_IDS.camillePartlyDispensed}`);
  await camille.getByRole("button", { name: "Révoquer ce lien" }).first().click();
  await expect(camille.getByRole("status").filter({ hasText: "Le lien a été révoqué" })).toBeVisible();
  expect((await page.reload())!.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Ordonnance plus disponible");
});

test("a link revoked before the pharmacist opens it says so at once, with no passcode to type", async ({ browser }) => {
  const camille = await pageAs(browser, "camille");
  const { url } = await sendToPharmacy(camille, PRESCRIPTION_IDS.camillePartlyDispensed);
  await camille.goto(`/espace/ordonnances/${PRESCRIPTION_IDS.camillePartlyDispensed}`);
  await camille.getByRole("button", { name: "Révoquer ce lien" }).first().click();
  await expect(camille.getByRole("status").filter({ hasText: "Le lien a été révoqué" })).toBeVisible();

  const { page } = await pharmacist(browser);
  const gone = await page.goto(url);
  expect(gone!.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Ordonnance plus disponible");
  await expect(page.getByLabel("Code à 6 chiffres")).toHaveCount(0);
  await expect(page.getByText("Camille")).toHaveCount(0);
  await expectNoAxeViolations(page, "revoked before opening");
});

test("Camille, acting for Jean, sends his prescription; Jean's history shows she did", async ({ browser }) => {
  const camille = await pageAs(browser, "camille");
  await camille.goto("/espace");
  await camille.getByRole("listitem").filter({ hasText: "Jean Martin — vous agissez pour cette personne" }).getByRole("button", { name: "Ouvrir cet espace" }).click();
  await camille.goto("/espace/ordonnances");
  await expect(camille.getByRole("heading", { level: 1 })).toHaveText("Ordonnances de Jean Martin");
  await expectNoAxeViolations(camille, "Jean's prescriptions, as Camille");
  await sendToPharmacy(camille, PRESCRIPTION_IDS.jeanActive);
  // Back to her own space, for the other specs.
  await camille.goto("/espace");
  await camille.getByRole("listitem").filter({ hasText: "Mon espace personnel" }).getByRole("button", { name: "Ouvrir cet espace" }).click();

  const jean = await pageAs(browser, "jean");
  await jean.goto("/espace/historique");
  const shareRow = jean.getByRole("row").filter({ hasText: "Camille Martin" }).filter({ hasText: "Partage" });
  await expect(shareRow.first()).toBeVisible();
  await jean.goto(`/espace/ordonnances/${PRESCRIPTION_IDS.jeanActive}`);
  await expect(jean.getByRole("region", { name: "Liens envoyés aux pharmacies" })).toContainText("Créé par Camille Martin");
});
