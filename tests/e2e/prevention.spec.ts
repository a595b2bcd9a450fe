import { expect, test, type Page } from "@playwright/test";
import { readFileSync } from "node:fs";
import { extractText } from "unpdf";
import { PATIENT_IDS } from "@/lib/demo/personas";
import { personaPages } from "./helpers/persona-pages";
import { expectNoAxeViolations } from "./helpers/axe";

/**
 * Prevention in real browsers on the seeded demo (issue 14): Jean (76) sees his due
 * vaccinations, marks his overdue dTP booster done and it moves to "À jour"; without
 * JavaScript he does the same for the flu, opens "Pourquoi ?", his vaccination record and its
 * certificate; Camille opens Léo's space and sees his calendar; Dr Bernard, whom Jean
 * authorises, sees what is due. axe finds nothing on any prevention page.
 */
// Sign-in, server rendering and axe on a machine shared by many builds: generous time per test.
test.describe.configure({ mode: "serial", timeout: 240_000 });

const { pageAs, closeAll } = personaPages();

const section = (page: Page, title: string) => page.locator("section", { has: page.getByRole("heading", { name: title, exact: true }) });
const item = (page: Page, name: string) => page.locator(`li[data-item="${name}"]`);

test.afterAll(closeAll);

test("Jean sees his due vaccinations, marks his dTP booster done, and it moves to « À jour »", async ({ browser }) => {
  const page = await pageAs(browser, "jean");
  await page.goto("/espace");
  await page.getByRole("link", { name: "Prévention" }).click();
  await expect(page).toHaveURL(/\/espace\/prevention$/);
  await expect(page.getByRole("heading", { level: 1, name: "Prévention" })).toBeVisible();
  const now = section(page, "À faire maintenant");
  for (const name of ["DTP_ADULT", "FLU", "ZOSTER", "RSV_OLDER"]) await expect(now.locator(`li[data-item="${name}"]`)).toBeVisible();
  await expect(item(page, "DTP_ADULT")).toContainText("En retard");
  await expectNoAxeViolations(page, "prevention page");

  await item(page, "DTP_ADULT").getByText("Pourquoi ?").click();
  await expect(item(page, "DTP_ADULT")).toContainText("Vous avez 76 ans");
  await expect(item(page, "DTP_ADULT").getByRole("link", { name: /Calendrier des vaccinations/ })).toBeVisible();

  await item(page, "DTP_ADULT").getByRole("button", { name: "C'est fait" }).click();
  await expect(page).toHaveURL(/\/espace\/prevention\?message=fait$/);
  await expect(page.getByRole("status").filter({ hasText: "C'est noté" })).toBeVisible();
  await expect(section(page, "À jour").locator('li[data-item="DTP_ADULT"]')).toBeVisible();
  await expect(section(page, "À faire maintenant").locator('li[data-item="DTP_ADULT"]')).toHaveCount(0);
  await expectNoAxeViolations(page, "prevention page after « C'est fait »");
});

test("without JavaScript: « Pourquoi ? », « C'est fait » for the flu, the carnet and its certificate", async ({ browser }) => {
  const page = await pageAs(browser, "jean", { javaScriptEnabled: false });
  await page.goto("/espace/prevention");
  await item(page, "FLU").getByText("Pourquoi ?").click();
  await expect(item(page, "FLU")).toContainText("campagne");
  await item(page, "FLU").getByRole("button", { name: "C'est fait" }).click();
  await expect(page).toHaveURL(/\/espace\/prevention\?message=fait$/);
  await expect(section(page, "À jour").locator('li[data-item="FLU"]')).toBeVisible();
  // axe runs scripts in the page, so it checks these pages in the JavaScript runs (tests 1 and 3).

  await page.getByRole("link", { name: "Carnet de vaccination" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Carnet de vaccination" })).toBeVisible();
  await expect(page.getByRole("table")).toContainText("Déclarée");
  await page.getByLabel("Vaccin", { exact: true }).selectOption("shingrix");
  await page.getByLabel("Numéro de lot (facultatif)").fill("SHX123");
  await page.getByRole("button", { name: "Ajouter au carnet" }).click();
  await expect(page).toHaveURL(/\/espace\/prevention\/carnet\?message=ajoute$/);
  await expect(page.getByRole("table")).toContainText("SHX123");

  await page.getByRole("link", { name: "Certificat imprimable" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Certificat de vaccination" })).toBeVisible();
  await expect(page.getByText("Jean Martin", { exact: true })).toBeVisible();

  await page.goto("/espace/prevention");
  await page.getByRole("button", { name: "Ne plus recevoir aucun message de prévention" }).click();
  await expect(page.getByText("Vous avez choisi de ne plus recevoir de messages de prévention")).toBeVisible();
  await expect(section(page, "À faire maintenant").locator('li[data-item="RSV_OLDER"]')).toBeVisible();
  await page.getByRole("button", { name: "Recevoir à nouveau les messages de prévention" }).click();
  await expect(page.getByRole("button", { name: "Ne plus recevoir aucun message de prévention" })).toBeVisible();
});

test("without JavaScript: « C'est fait » dated before the birth comes back with the item named, its date field marked and described, the notice focused; axe finds nothing", async ({ browser }) => {
  const page = await pageAs(browser, "jean", { javaScriptEnabled: false });
  await page.goto("/espace/prevention");
  // The field bounds the day by today only: a day before Jean's birth is the server's to refuse.
  await item(page, "RSV_OLDER").getByLabel("Date de réalisation").fill("1949-12-31");
  await item(page, "RSV_OLDER").getByRole("button", { name: "C'est fait" }).click();
  await expect(page).toHaveURL(/\/espace\/prevention\?message=date-invalide&item=RSV_OLDER$/);
  const alert = page.getByRole("alert");
  await expect(alert).toContainText("Rien n'a été enregistré pour « ");
  await expect(alert).toBeFocused();
  const date = item(page, "RSV_OLDER").getByLabel("Date de réalisation");
  await expect(date).toHaveAttribute("aria-invalid", "true");
  await expect(date).toHaveAccessibleDescription("Erreur : Une date passée, après la naissance.");
  // The day typed comes back to be corrected (a sealed cookie of the session's), not today in its place.
  await expect(date).toHaveValue("1949-12-31");
  await expect(item(page, "ZOSTER").getByLabel("Date de réalisation")).not.toHaveAttribute("aria-invalid");
  await alert.getByRole("link", { name: /^Corriger la date de « / }).click();
  await expect(page).toHaveURL(/#item-rsv_older-date$/);
  // Nothing was recorded: the item is still to do.
  await expect(section(page, "À faire maintenant").locator('li[data-item="RSV_OLDER"]')).toBeVisible();
  // axe runs scripts in the page: the same answer, in a browser that runs them.
  const scripted = await pageAs(browser, "jean");
  await scripted.goto("/espace/prevention?message=date-invalide&item=RSV_OLDER");
  await expect(item(scripted, "RSV_OLDER").getByLabel("Date de réalisation")).toHaveAttribute("aria-invalid", "true");
  await expectNoAxeViolations(scripted, "prevention page, « C'est fait » refused for its day");
});

test("Camille opens Léo's space and sees his calendar", async ({ browser }) => {
  const page = await pageAs(browser, "camille");
  await page.goto("/espace/prevention");
  await expect(page.getByRole("heading", { level: 1, name: "Prévention" })).toBeVisible();
  await expect(item(page, "FLU")).toBeVisible();
  // Under « Le calendrier de vos enfants », the button lands on his calendar, not his space's home page.
  await section(page, "Le calendrier de vos enfants").getByRole("button", { name: "Voir son calendrier" }).click();
  await expect(page).toHaveURL(/\/espace\/prevention$/);
  await expect(page.getByRole("heading", { level: 1, name: "Prévention de Léo Martin" })).toBeVisible();
  await expect(section(page, "Bientôt").locator('li[data-item="DTCAP_11_13"]')).toBeVisible();
  await expect(section(page, "À jour").locator('li[data-item="HEXA"]')).toBeVisible();
  // His mother reads about him: the reasons name Léo (« Léo a 9 ans… »), not « Vous avez 9 ans ».
  await expect(page.locator("main")).toContainText(/Léo a \d+ ans/);
  await expect(page.locator("main")).not.toContainText(/Vous avez \d+ (ans|mois)|votre (dossier|médecin|âge)/);
  await expectNoAxeViolations(page, "Léo's prevention page");
  await page.getByRole("link", { name: "Carnet de vaccination" }).click();
  await expect(page.getByRole("table")).toContainText("Hexavalent");
  // Served without Next's runtime (src/pages): not one script file to download.
  expect(await page.locator("script[src]").count()).toBe(0);
  await expectNoAxeViolations(page, "Léo's carnet");
  await page.getByRole("link", { name: "Certificat imprimable" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Certificat de vaccination" })).toBeVisible();
  expect(await page.locator("script[src]").count()).toBe(0);
  await expectNoAxeViolations(page, "Léo's certificate");
  // The same certificate as a file to send to a school: a PDF of Léo's, named for the day.
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Télécharger le certificat (PDF)" }).click()]);
  expect(download.suggestedFilename()).toMatch(/^certificat-vaccination-\d{4}-\d{2}-\d{2}\.pdf$/);
  const text = (await extractText(new Uint8Array(readFileSync(await download.path())), { mergePages: true })).text;
  expect(text).toContain("Léo Martin");
  expect(text).toContain("Hexavalent");
});

test("Dr Bernard, whom Jean authorises, sees what is due for him in the record's Prévention tab", async ({ browser }) => {
  const page = await pageAs(browser, "bernard");
  await page.goto("/pro");
  await page.getByRole("link", { name: /Jean Martin/ }).first().click();
  await page.getByRole("navigation", { name: "Dossier de Jean Martin" }).getByRole("link", { name: "Prévention" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Prévention de Jean Martin" })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Dossier de Jean Martin" }).getByRole("link", { name: "Prévention" })).toHaveAttribute("aria-current", "page");
  const due = section(page, "À faire maintenant");
  await expect(due.locator('li[data-item="RSV_OLDER"]')).toBeVisible();
  await expect(due.locator('li[data-item="DTP_ADULT"]')).toHaveCount(0);
  // The reason is about Jean, for his doctor: « Jean a 76 ans », not « Vous avez 76 ans ».
  await due.locator('li[data-item="RSV_OLDER"]').getByText("Pourquoi ?").click();
  await expect(due.locator('li[data-item="RSV_OLDER"]')).toContainText("Jean a 76 ans");
  await expect(due).not.toContainText(/\bvous\b|\bvotre\b/i);
  // Read-only: what Jean did is his to record.
  await expect(page.getByRole("button", { name: "C'est fait" })).toHaveCount(0);
  expect(await page.locator("script[src]").count()).toBe(0);
  await expectNoAxeViolations(page, "professional's view of a patient's prevention");
  await page.getByRole("link", { name: "Documents", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Documents de Jean Martin" })).toBeVisible();
});

test("'Mon bilan prévention' is reached from the calendar, passes axe, and works without JavaScript", async ({ browser }) => {
  // Jean (76) is past the last band (70–75): the page says so; the questionnaire itself is
  // tested through its route (tests/integration/prevention/bilan-route.test.ts).
  const page = await pageAs(browser, "jean");
  await page.goto("/espace/prevention");
  await page.getByRole("link", { name: "Mon bilan prévention : le questionnaire" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Mon bilan prévention" })).toBeVisible();
  await expect(page.getByText("Vous n'êtes pas dans l'une des tranches d'âge du bilan prévention aujourd'hui")).toBeVisible();
  expect(await page.locator("script[src]").count()).toBe(0);
  await expectNoAxeViolations(page, "/espace/prevention/bilan");
  const noScript = await pageAs(browser, "jean", { javaScriptEnabled: false });
  await noScript.goto("/espace/prevention/bilan");
  await expect(noScript.getByRole("heading", { name: "Questionnaires déjà remplis" })).toBeVisible();

  // One he filled in at 75 (stored through the FHIR API, as himself, kept to him): the list links
  // to its answers, which read without JavaScript and pass axe.
  const origin = new URL(page.url()).origin;
  const stored = await page.request.post("/api/fhir/R4/QuestionnaireResponse", {
    headers: { origin, "content-type": "application/fhir+json" },
    data: {
      resourceType: "QuestionnaireResponse",
      meta: { security: [{ system: "http://terminology.hl7.org/CodeSystem/v3-Confidentiality", code: "V" }] },
      questionnaire: "https://espace-sante.example.org/fhir/Questionnaire/mon-bilan-prevention-70-75|2024",
      status: "completed",
      subject: { reference: `Patient/${PATIENT_IDS.jean}` },
      authored: "2025-05-06T14:00:00Z",
      item: [{ linkId: "chutes", answer: [{ valueString: "Une fois" }] }],
    },
  });
  expect(stored.status()).toBe(201);
  // The form's route beside the new /espace/prevention/bilan/[id] page is still the one answering.
  const posted = await page.request.post("/espace/prevention/bilan/envoyer", { headers: { origin }, form: {}, maxRedirects: 0 });
  expect(posted.headers()["location"] ?? "").toContain("/espace/prevention/bilan?message=bilan-invalide");
  await noScript.reload();
  await noScript.getByRole("link", { name: /visible de vous seul \(1 réponse\)/ }).first().click();
  await expect(noScript).toHaveURL(/\/espace\/prevention\/bilan\/[0-9a-f-]+$/);
  await expect(noScript.getByRole("heading", { level: 1, name: /^Mon questionnaire du / })).toBeVisible();
  await expect(noScript.getByRole("definition").filter({ hasText: "Une fois" })).toBeVisible();
  await page.goto(noScript.url());
  expect(await page.locator("script[src]").count()).toBe(0);
  await expectNoAxeViolations(page, "/espace/prevention/bilan/[id]");
});
