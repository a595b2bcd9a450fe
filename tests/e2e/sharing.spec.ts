import { expect, test } from "@playwright/test";
import { PATIENT_IDS, PRACTITIONER_IDS } from "@/lib/demo/personas";
import { personaPages } from "./helpers/persona-pages";
import { expectNoAxeViolations } from "./helpers/axe";

/**
 * "Partage et confidentialité" in a real browser, on the seeded demo: Camille reads who can see
 * her record, blocks Dr Bernard while he has her record open (his next click finds nothing),
 * lifts the block, and previews her record as him. Without JavaScript where it matters; axe on
 * each page. The demo's rules are shared with other specs: every change is undone here.
 */
test.describe.configure({ mode: "serial" });

const CAMILLE = PATIENT_IDS.camille;
const BERNARD = PRACTITIONER_IDS.bernard;
const MOREAU = PRACTITIONER_IDS.moreau;
const { pageAs, closeAll } = personaPages();

test.afterAll(closeAll);

test("Camille reads in plain words who can see her record, and the page passes axe", async ({ browser }) => {
  const page = await pageAs(browser, "camille");
  await page.goto("/espace/partage");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Partage et confidentialité");
  const glance = page.getByRole("region", { name: "En un coup d'œil" });
  await expect(glance).toContainText("Dr Sophie Bernard");
  await expect(glance).toContainText("peut voir vos documents");
  await expect(glance).toContainText("Dr Marc Petit (cardiologue) est bloqué : il ne peut rien voir de votre dossier, même en urgence.");
  await expectNoAxeViolations(page, "/espace/partage");
  await page.getByLabel("Nom, spécialité, ville ou numéro RPPS").fill("cardiologue");
  await page.getByRole("button", { name: "Rechercher" }).click();
  await expect(page.getByRole("heading", { name: "Résultats pour « cardiologue »" })).toBeVisible();
  await expect(page.locator("#autoriser")).toContainText("Dr Marc Petit");
  await expectNoAxeViolations(page, "/espace/partage?q=cardiologue");
});

test("Dr Bernard has Camille's record open; she blocks him without JavaScript and his next click finds nothing; she lifts it", async ({ browser }) => {
  const bernard = await pageAs(browser, "bernard");
  await bernard.goto(`/pro/patients/${CAMILLE}`);
  await expect(bernard.getByRole("heading", { level: 1 })).not.toHaveText("Page introuvable");

  const camille = await pageAs(browser, "camille", { javaScriptEnabled: false });
  await camille.goto("/espace/partage");
  await camille.locator(`#pro-${BERNARD}`).getByRole("button", { name: "Bloquer" }).click();
  await expect(camille.getByRole("status").filter({ hasText: "Le professionnel est bloqué." })).toBeVisible();

  await bernard.reload();
  await expect(bernard.getByRole("heading", { level: 1 })).toHaveText("Page introuvable");

  await camille.locator(`#bloque-${BERNARD}`).getByRole("button", { name: "Débloquer" }).click();
  await expect(camille.getByRole("status").filter({ hasText: "Le professionnel est débloqué." })).toBeVisible();
  await bernard.reload();
  await expect(bernard.getByRole("heading", { level: 1 })).not.toHaveText("Page introuvable");
});

test("Camille previews her record as Dr Bernard: labelled as a preview, nothing issued for him", async ({ browser }) => {
  const page = await pageAs(browser, "camille", { javaScriptEnabled: false });
  await page.goto("/espace/partage");
  await page.getByLabel("Voir mon dossier comme").selectOption(`pro:${BERNARD}`);
  await page.getByRole("button", { name: "Voir", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: "Aperçu : voici ce que Dr Sophie Bernard voit de votre dossier" })).toBeVisible();
  await expect(page.getByRole("heading", { name: /^Documents \(\d+\)$/ })).toBeVisible();
  const cookies = await page.context().cookies();
  expect(cookies.map((c) => c.name).filter((name) => /pharmacie|preview|apercu/i.test(name))).toEqual([]);
  const withScripts = await pageAs(browser, "camille");
  await withScripts.goto(`/espace/partage/apercu?vue=pro:${BERNARD}`);
  await expectNoAxeViolations(withScripts, "/espace/partage/apercu");
  expect(await withScripts.locator("script[src]").count()).toBe(0);
});

test("every setting works without JavaScript: authorise until a date at the restricted level, withdraw, emergency, level of new documents, research", async ({ browser }) => {
  test.setTimeout(90_000);
  const page = await pageAs(browser, "camille", { javaScriptEnabled: false });
  const saved = (text: string) => expect(page.getByRole("status").filter({ hasText: text })).toBeVisible();
  await page.goto("/espace/partage?q=Moreau");
  const result = page.locator("#autoriser li").filter({ hasText: "Dr Inès Moreau" });
  await result.locator("summary").click(); // a native <details>: it opens without JavaScript
  await result.getByLabel("Mes documents, y compris ceux à accès restreint").check();
  // A past day first: back to Dr Moreau's result, his form open, the field marked and described.
  await result.getByLabel("Jusqu'au (facultatif)").fill(`${new Date().getFullYear() - 1}-12-31`);
  await result.locator("form").getByRole("button", { name: "Autoriser" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "La date de fin n'est pas acceptée" })).toBeVisible();
  const field = result.getByLabel("Jusqu'au (facultatif)");
  await expect(field).toBeVisible();
  await expect(field).toHaveAttribute("aria-invalid", "true");
  await expect(field).toHaveAccessibleDescription(/Choisissez aujourd'hui ou un jour à venir, dans les trois ans au plus\./);
  // axe runs in the page: the same address, in a browser with JavaScript.
  const withScripts = await pageAs(browser, "camille");
  await withScripts.goto(page.url());
  await expect(withScripts.locator("#autoriser li").filter({ hasText: "Dr Inès Moreau" }).getByLabel("Jusqu'au (facultatif)")).toHaveAttribute("aria-invalid", "true");
  await expectNoAxeViolations(withScripts, "/espace/partage with a refused end date");
  await result.getByLabel("Mes documents, y compris ceux à accès restreint").check();
  const until = `${new Date().getFullYear() + 1}-06-30`;
  await field.fill(until);
  await result.locator("form").getByRole("button", { name: "Autoriser" }).click();
  await saved("Le professionnel est autorisé.");
  await expect(page.getByRole("region", { name: "En un coup d'œil" })).toContainText("Dr Inès Moreau");
  await expect(page.getByRole("region", { name: "En un coup d'œil" })).toContainText(`jusqu'au 30 juin ${new Date().getFullYear() + 1} inclus.`);
  await page.locator(`#pro-${MOREAU}`).getByRole("button", { name: "Retirer l'autorisation" }).click();
  await saved("L'autorisation est retirée.");
  await expect(page.locator(`#pro-${MOREAU}`)).toHaveCount(0);

  for (const [section, option, back] of [
    ["#urgence", "Refusé", "Autorisé (recommandé)"],
    ["#niveau", "Accès restreint", "Accès normal"],
    ["#recherche", "Je refuse", "J'accepte"],
  ] as const) {
    const form = page.locator(section);
    const before = (await form.getByLabel(back, { exact: true }).isChecked()) ? back : option;
    const other = before === back ? option : back;
    await form.getByLabel(other, { exact: true }).check();
    await form.getByRole("button", { name: "Enregistrer" }).click();
    await expect(page.getByRole("status")).toBeVisible();
    await expect(page.locator(section).getByLabel(other, { exact: true })).toBeChecked();
    // Put the demo back as it was for the other specs.
    await page.locator(section).getByLabel(before, { exact: true }).check();
    await page.locator(section).getByRole("button", { name: "Enregistrer" }).click();
    await expect(page.locator(section).getByLabel(before, { exact: true })).toBeChecked();
  }
  // Every change is a version: the history of her choices tells them apart.
  await page.goto("/espace/partage/historique");
  await expect(page.getByRole("main")).toContainText("Vous avez autorisé Dr Inès Moreau");
  await expect(page.getByRole("main")).toContainText("Vous avez retiré l'autorisation de Dr Inès Moreau");
});
