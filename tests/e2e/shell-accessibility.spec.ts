import { expect, test } from "@playwright/test";
import { PATIENT_IDS } from "@/lib/demo/personas";
import { expectNoAxeViolations } from "./helpers/axe";
import { personaPages } from "./helpers/persona-pages";

const { pageAs, closeAll } = personaPages();
test.afterAll(closeAll);

/** The pages of the shell and of sign-in pass axe's WCAG 2.1 A/AA rules and have the landmarks. */
for (const path of ["/", "/connexion", "/connexion/code", "/connexion/erreur"]) {
  test(`${path} has no accessibility violations`, async ({ page }) => {
    await page.goto(path);
    await expect(page.locator("html")).toHaveAttribute("lang", "fr");
    await expect(page.getByRole("main")).toHaveCount(1);
    await expect(page.getByRole("banner")).toHaveCount(1);
    await expect(page.getByRole("contentinfo")).toHaveCount(1);
    await expect(page.getByRole("heading", { level: 1 })).toHaveCount(1);
    await expectNoAxeViolations(page);
  });
}

test("the skip link is the first stop and moves focus to the main content", async ({ page }) => {
  await page.goto("/connexion");
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Aller au contenu principal" });
  await expect(skip).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("main")).toBeFocused();
});

test("the landing page comes with no script file: served by the Pages Router without Next's runtime", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("link", { name: "Se connecter" })).toHaveAttribute("href", "/connexion");
  expect(await page.locator("script[src]").count()).toBe(0);
  expect(await page.content()).not.toContain("__NEXT_DATA__");
});

test("a form sent without JavaScript answers with its error focused, so it is read first and the keyboard starts there", async ({ browser }) => {
  test.setTimeout(120_000);
  const page = await pageAs(browser, "jean", { javaScriptEnabled: false });
  await page.goto("/espace/prevention/carnet");
  // A lot number the server refuses (the field itself has no pattern the browser would check).
  await page.getByLabel("Numéro de lot (facultatif)").fill("<lot>");
  await page.getByRole("button", { name: "Ajouter au carnet" }).click();
  await expect(page).toHaveURL(/\/espace\/prevention\/carnet\?message=lot-invalide$/);
  const error = page.getByRole("alert");
  await expect(error).toContainText("Rien n'a été enregistré : vérifiez le numéro de lot");
  await expect(error).toBeFocused();
  // The field at fault says so itself, for whoever comes to it.
  const lot = page.getByLabel("Numéro de lot (facultatif)");
  await expect(lot).toHaveAttribute("aria-invalid", "true");
  await expect(lot).toHaveAccessibleDescription(/Lettres, chiffres, espaces, points, barres obliques et tirets seulement/);
  // The next Tab goes on from the message, not from the top of the page.
  await page.keyboard.press("Tab");
  await expect(page.getByRole("link", { name: "Aller au contenu principal" })).not.toBeFocused();
});

test("page titles say the page and, in another person's space, whose space it is", async ({ browser }) => {
  test.setTimeout(120_000);
  const camille = await pageAs(browser, "camille");
  await camille.goto("/espace/prevention/carnet");
  await expect(camille).toHaveTitle("Carnet de vaccination — Mon espace santé");
  await camille.goto("/espace");
  await camille.locator("form[action='/espace/espace-actif']", { has: camille.locator(`input[value="${PATIENT_IDS.leo}"]`) }).first().getByRole("button").click();
  await expect(camille).toHaveURL(/\/espace$/);
  await expect(camille).toHaveTitle("Mon espace — espace de Léo Martin — Mon espace santé");
  await camille.goto("/espace/prevention/carnet");
  await expect(camille).toHaveTitle("Carnet de vaccination — espace de Léo Martin — Mon espace santé");
  // A title that names him already is not told twice.
  await camille.goto("/espace/prevention");
  await expect(camille).toHaveTitle("Prévention de Léo Martin — Mon espace santé");
  // A document's page is titled by the document, as its heading is.
  await camille.goto("/espace/documents");
  await camille.getByRole("table").getByRole("link").first().click();
  const heading = await camille.getByRole("heading", { level: 1 }).innerText();
  await expect(camille).toHaveTitle(`${heading} — espace de Léo Martin — Mon espace santé`);
  // So is a prescription's (« Ordonnance du … »).
  await camille.goto("/espace/ordonnances");
  await camille.locator("main a[href^='/espace/ordonnances/']").first().click();
  const prescription = await camille.getByRole("heading", { level: 1 }).innerText();
  expect(prescription).toMatch(/^Ordonnance/);
  await expect(camille).toHaveTitle(`${prescription} — espace de Léo Martin — Mon espace santé`);

  // A professional's tabs on a patient's record name the patient.
  const bernard = await pageAs(browser, "bernard");
  await bernard.goto(`/pro/patients/${PATIENT_IDS.camille}`);
  await expect(bernard).toHaveTitle("Documents de Camille Martin — Mon espace santé");
  await bernard.goto(`/pro/patients/${PATIENT_IDS.camille}/ajouter`);
  await expect(bernard).toHaveTitle("Ajouter un document au dossier de Camille Martin — Mon espace santé");
});
