import { expect, test } from "@playwright/test";
import { PATIENT_IDS } from "@/lib/demo/personas";
import { expectNoAxeViolations } from "./helpers/axe";
import { personaPages } from "./helpers/persona-pages";

/**
 * Dr Moreau, done with Jean's record opened in an emergency, ends her access herself instead of
 * leaving it open to her until the hour is over; Jean reads on his home that she closed it.
 */
const JEAN = PATIENT_IDS.jean;
const REASON = `Patient inconscient, antécédents vérifiés (${Date.now().toString(36)})`;

const { pageAs, closeAll } = personaPages();
test.afterAll(closeAll);

test("Dr Moreau ends her emergency access to Jean's record: the record closes at once, and Jean reads when", async ({ browser }) => {
  const page = await pageAs(browser, "moreau");
  await page.goto("/pro/urgence");
  await page.getByLabel("Nom de naissance ou d'usage").fill("Martin");
  await page.getByLabel("Prénom").fill("Jean");
  await page.getByLabel("Date de naissance").fill("1950-06-02");
  await page.getByLabel("Motif de l'accès en urgence").fill(REASON);
  await page.getByRole("button", { name: "Ouvrir l'accès en urgence" }).click();
  await expect(page).toHaveURL(new RegExp(`/pro/patients/${JEAN}$`));

  await page.goto("/pro");
  const card = page.getByRole("region", { name: "Accès en urgence en cours" });
  await expect(card.getByRole("button", { name: "Mettre fin à l'accès en urgence" })).toBeVisible();
  await expectNoAxeViolations(page, "professional's home with an emergency access open");

  await card.getByRole("link", { name: "Revenir au dossier ouvert en urgence" }).click();
  await page.getByRole("button", { name: "Mettre fin à l'accès en urgence" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Accès en urgence terminé");
  await expect(page.getByRole("main")).toContainText(/Vous avez mis fin à votre accès en urgence à ce dossier à \d{2}:\d{2}\./);
  await expectNoAxeViolations(page, "record after ending the emergency access");

  // The record itself is closed to her: its documents are not listed any more.
  await page.goto(`/pro/patients/${JEAN}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Accès en urgence terminé");
  await expect(page.getByRole("main")).not.toContainText("Documents de Jean Martin");
  await page.goto("/pro");
  await expect(page.getByRole("region", { name: "Accès en urgence en cours" })).toHaveCount(0);

  const jean = await pageAs(browser, "jean");
  await jean.goto("/espace");
  const notice = jean.getByRole("region", { name: "Accès en urgence à votre dossier" }).getByRole("listitem").filter({ hasText: REASON });
  await expect(notice).toContainText(/Ce professionnel a fermé l'accès le .+ à \d{2}:\d{2}, avant la fin de l'heure prévue\./);
});
