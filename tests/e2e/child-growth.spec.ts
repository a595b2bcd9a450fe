import { expect, test } from "@playwright/test";
import { personaPages } from "./helpers/persona-pages";
import { expectNoAxeViolations } from "./helpers/axe";

/**
 * A guardian's flow on Léo's space: Camille opens it, records his weight and height, and reads
 * them on the growth charts (SVG drawn on the server, with a title and a description) and in the
 * tables; axe finds nothing. The same page without JavaScript: a wrong value says why, a right
 * one is recorded. Measures are added each run, so assertions look for the values, not counts.
 */
test.describe.configure({ mode: "serial" });

const { pageAs, closeAll } = personaPages();
test.afterAll(closeAll);

test("Camille switches to Léo's space, records his weight and height, and sees them on the charts and in the tables", async ({ browser }) => {
  const page = await pageAs(browser, "camille");
  await page.goto("/espace");
  await page.getByRole("listitem").filter({ hasText: "Léo Martin — vous exercez sa représentation légale" }).getByRole("button", { name: "Ouvrir cet espace" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Vous agissez pour Léo Martin." })).toBeVisible();
  await page.getByRole("link", { name: "Carnet de santé : croissance" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Carnet de santé : croissance" })).toBeVisible();
  await expect(page.getByText("aucun ne peut retirer l'accès de l'autre")).toBeVisible();
  // Served without Next's runtime (src/pages): the charts are SVG drawn on the server, no script file.
  expect(await page.locator("script[src]").count()).toBe(0);

  await page.getByLabel("Poids (kg)").fill("32,4");
  await page.getByLabel("Taille (cm)").fill("139");
  await page.getByRole("button", { name: "Ajouter au carnet" }).click();
  await expect(page.getByRole("status").filter({ hasText: "La mesure a été ajoutée au carnet de santé." })).toBeVisible();

  const weightChart = page.getByRole("img", { name: "Poids selon l'âge" });
  await expect(weightChart).toBeVisible();
  await expect(weightChart.locator("desc")).toContainText("centiles 3, 10, 25, 50, 75, 90 et 97");
  await expect(weightChart.locator("circle").first()).toBeAttached();
  await expect(page.getByRole("img", { name: "Taille selon l'âge" })).toBeVisible();
  await expect(page.getByRole("img", { name: "Indice de masse corporelle (IMC) selon l'âge" })).toBeVisible();
  await expect(page.getByRole("table", { name: /^Poids : mesures/ })).toContainText("32,4");
  await expect(page.getByRole("table", { name: /^Taille : mesures/ })).toContainText("139");
  await expect(page.getByRole("table", { name: /^Indice de masse corporelle/ })).toContainText("16,8");
  await expectNoAxeViolations(page, "/espace/carnet-enfant");
});

test("without JavaScript: a wrong value says why and records nothing, a right one is recorded", async ({ browser }) => {
  const page = await pageAs(browser, "camille", { javaScriptEnabled: false });
  // Each page opened as a persona starts in their own space: Camille opens Léo's (a plain form).
  await page.goto("/espace");
  await page.getByRole("listitem").filter({ hasText: "Léo Martin — vous exercez sa représentation légale" }).getByRole("button", { name: "Ouvrir cet espace" }).click();
  await page.goto("/espace/carnet-enfant");
  await expect(page.getByRole("heading", { level: 1, name: "Carnet de santé : croissance" })).toBeVisible();
  await page.getByLabel("Date de la mesure").fill("2026-10-15");
  await page.getByLabel("Poids (kg)").fill("31,8");
  await page.getByLabel("Taille (cm)").fill("1,39");
  await page.getByRole("button", { name: "Ajouter au carnet" }).click();
  // The field at fault has the focus and reads the reason with it (autofocus, no script).
  await expect(page.getByLabel("Taille (cm)")).toBeFocused();
  await expect(page.getByLabel("Taille (cm)")).toHaveAccessibleDescription(/Cette taille est hors des valeurs acceptées : elle doit être entre 20 et 250 cm/);
  await expect(page.getByLabel("Taille (cm)")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByRole("table", { name: /^Taille : mesures/ })).not.toContainText("15/10/2026");
  // What was typed is still there (growth-typed.ts): only the wrong value to correct.
  await expect(page.getByLabel("Date de la mesure")).toHaveValue("2026-10-15");
  await expect(page.getByLabel("Poids (kg)")).toHaveValue("31,8");
  await expect(page.getByLabel("Taille (cm)")).toHaveValue("1,39");

  await page.getByLabel("Taille (cm)").fill("138,6");
  await page.getByRole("button", { name: "Ajouter au carnet" }).click();
  await expect(page.getByRole("status").filter({ hasText: "La mesure a été ajoutée au carnet de santé." })).toBeVisible();
  await expect(page.getByRole("table", { name: /^Taille : mesures/ })).toContainText("15/10/2026");
  await expect(page.getByRole("img", { name: "Taille selon l'âge" })).toBeVisible();
});
