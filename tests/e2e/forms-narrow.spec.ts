import { expect, test, type Page } from "@playwright/test";
import { personaPages } from "./helpers/persona-pages";
import { expectNoAxeViolations } from "./helpers/axe";

/**
 * The messaging's forms and the carnet de santé's, as on a small phone (360 px wide) with the
 * keyboard: a refused form comes back with what was typed, the field at fault has the focus and
 * reads why, nothing is wider than the screen, and axe finds nothing. The pages run no script:
 * the forms are plain posts, as without JavaScript.
 */
test.describe.configure({ mode: "serial" });

const { pageAs, closeAll } = personaPages();
test.afterAll(closeAll);

const NARROW = { width: 360, height: 740 };
const MB = 1024 * 1024;

async function expectNothingWiderThanTheScreen(page: Page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(NARROW.width);
}

test("a message with a file over 20 MB comes back with its subject, recipient and text, the file field focused and saying why; a reply with a .txt the same", async ({ browser }) => {
  test.setTimeout(180_000);
  const camille = await pageAs(browser, "camille");
  await camille.setViewportSize(NARROW);
  await camille.goto("/espace/messages");
  const recipients = await camille.getByLabel("Destinataire").locator("option").allTextContents();
  const bernard = recipients.find((name) => name.includes("Sophie Bernard"))!;
  await camille.getByLabel("Destinataire").selectOption({ label: bernard });
  // Typed from the keyboard, field after field.
  await camille.getByLabel("Objet (facultatif)").focus();
  await camille.keyboard.type("Scanner");
  await camille.keyboard.press("Tab");
  await camille.keyboard.type("Bonjour docteur, voici le scanner complet de mon genou.");
  await camille.getByLabel(/Ou joindre un nouveau fichier/).setInputFiles({ name: "scanner.pdf", mimeType: "application/pdf", buffer: Buffer.alloc(25 * MB, 65) });
  await camille.getByRole("button", { name: "Envoyer" }).click();

  await expect(camille).toHaveURL(/\/espace\/messages\?a=[0-9a-f-]{36}&message=fichier$/);
  const file = camille.getByLabel(/Ou joindre un nouveau fichier/);
  await expect(file).toBeFocused();
  await expect(file).toHaveAttribute("aria-invalid", "true");
  await expect(file).toHaveAccessibleDescription(/PDF, JPEG ou PNG, 20 Mo au plus.*Ce fichier n'a pas pu être joint : il faut un PDF, une image JPEG ou PNG, de 20 Mo au plus/);
  await expect(camille.getByLabel("Objet (facultatif)")).toHaveValue("Scanner");
  await expect(camille.getByLabel("Votre message")).toHaveValue("Bonjour docteur, voici le scanner complet de mon genou.");
  await expect(camille.getByLabel("Destinataire").locator("option:checked")).toHaveText(bernard);
  expect(camille.url()).not.toMatch(/genou|Scanner/);
  await expectNothingWiderThanTheScreen(camille);
  await expectNoAxeViolations(camille, "messages, file refused, 360 px", { bestPractice: true });

  // Sent as it stands, without the file: the conversation opens; a reply with a .txt comes back to it.
  await camille.keyboard.press("Tab");
  await camille.keyboard.press("Enter");
  await expect(camille).toHaveURL(/\/espace\/messages\/[0-9a-f-]{36}\?message=envoye$/);
  const conversation = new URL(camille.url()).pathname;
  await camille.getByLabel("Votre message").fill("Et mes notes sur la douleur.");
  await camille.getByLabel(/Ou joindre un nouveau fichier/).setInputFiles({ name: "notes.txt", mimeType: "text/plain", buffer: Buffer.from("Douleur la nuit") });
  await camille.getByRole("button", { name: "Répondre" }).click();
  await expect(camille).toHaveURL(`${conversation}?message=fichier`);
  await expect(camille.getByLabel(/Ou joindre un nouveau fichier/)).toBeFocused();
  await expect(camille.getByLabel("Votre message")).toHaveValue("Et mes notes sur la douleur.");
  await expectNothingWiderThanTheScreen(camille);
  await expectNoAxeViolations(camille, "conversation, file refused, 360 px", { bestPractice: true });
});

test("Dr Bernard's messages at 360 px: the unread conversation's link is told from its text by more than colour", async ({ browser }) => {
  const bernard = await pageAs(browser, "bernard");
  await bernard.setViewportSize(NARROW);
  await bernard.goto("/pro/messages");
  await expect(bernard.getByRole("link", { name: "Scanner", exact: true })).toBeVisible();
  await expectNothingWiderThanTheScreen(bernard);
  await expectNoAxeViolations(bernard, "/pro/messages, 360 px", { bestPractice: true });
});

test("Léo's carnet at 360 px, from the keyboard: a height in metres comes back with the date and weight typed, the height focused and saying what is expected", async ({ browser }) => {
  const page = await pageAs(browser, "camille");
  await page.setViewportSize(NARROW);
  await page.goto("/espace");
  await page.getByRole("listitem").filter({ hasText: "Léo Martin — vous exercez sa représentation légale" }).getByRole("button", { name: "Ouvrir cet espace" }).click();
  await page.goto("/espace/carnet-enfant");
  await expect(page.getByText("Léo Martin aura 18 ans le 10 septembre 2034")).toBeVisible();
  await expectNothingWiderThanTheScreen(page);
  await expectNoAxeViolations(page, "/espace/carnet-enfant, 360 px");

  await page.getByLabel("Date de la mesure").fill("2026-10-20");
  await page.getByLabel("Poids (kg)").focus();
  await page.keyboard.type("31,9");
  await page.keyboard.press("Tab");
  await page.keyboard.type("1,40");
  await page.keyboard.press("Tab");
  await page.keyboard.type("53");
  await page.keyboard.press("Enter");

  await expect(page).toHaveURL(/\/espace\/carnet-enfant\?message=taille$/);
  const height = page.getByLabel("Taille (cm)");
  await expect(height).toBeFocused();
  await expect(height).toHaveAttribute("aria-invalid", "true");
  await expect(height).toHaveAccessibleDescription(/elle doit être entre 20 et 250 cm \(1,12 m s'écrit 112\)\. Rien n'a été enregistré/);
  await expect(height).toHaveValue("1,40");
  await expect(page.getByLabel("Date de la mesure")).toHaveValue("2026-10-20");
  await expect(page.getByLabel("Poids (kg)")).toHaveValue("31,9");
  await expect(page.getByLabel("Périmètre crânien (cm, facultatif)")).toHaveValue("53");
  await expectNothingWiderThanTheScreen(page);
  await expectNoAxeViolations(page, "/espace/carnet-enfant refused, 360 px");

  // Corrected from the keyboard where the focus already is: everything goes in at once.
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.type("140");
  await page.keyboard.press("Enter");
  await expect(page.getByRole("status").filter({ hasText: "La mesure a été ajoutée au carnet de santé." })).toBeVisible();
  await expect(page.getByRole("table", { name: /^Poids : mesures/ })).toContainText("31,9");
});
