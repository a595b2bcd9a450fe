import { expect, test } from "@playwright/test";
import { PRESCRIPTION_IDS } from "@/lib/demo/personas";
import { expectNoAxeViolations } from "./helpers/axe";
import { personaPages } from "./helpers/persona-pages";
import { signIn } from "./helpers/sign-in";

/**
 * The portal's tables with the keyboard and a screen reader: a table that scrolls sideways (a
 * pharmacy's name typed as one 120-character word, the form's maximum) can be reached and
 * scrolled with the keyboard, on the pharmacist's page and on the patient's; the sessions table
 * of « Mon compte » names its last column (its buttons) for screen readers.
 */
test.describe.configure({ mode: "serial" });

const { pageAs, newContext, closeAll } = personaPages();
test.afterAll(closeAll);

const LONG_PHARMACY = "P".repeat(120);

test("a delivery recorded under a 120-character pharmacy name: its table scrolls, and the keyboard reaches it, for the pharmacist and for the patient", async ({ browser }) => {
  test.setTimeout(120_000);
  const prescriptionId = PRESCRIPTION_IDS.camillePartlyDispensed;
  const camille = await pageAs(browser, "camille");
  await camille.goto(`/espace/ordonnances/${prescriptionId}`);
  await camille.getByRole("button", { name: "Créer le lien" }).click();
  const url = await camille.getByLabel("Lien à copier").inputValue();
  const passcode = (await camille.getByTestId("share-passcode").innerText()).trim();

  const page = await (await newContext(browser)).newPage();
  await page.goto(url);
  await page.getByLabel("Code à 6 chiffres").fill(passcode);
  await page.getByLabel("Nom de la pharmacie").fill(LONG_PHARMACY);
  await page.getByRole("button", { name: "Ouvrir l'ordonnance" }).click();
  const line = page.getByRole("group", { name: /Desloratadine/ });
  await line.getByLabel("Une partie").check();
  await line.getByLabel(/Quantité délivrée/).fill("1");
  await page.getByRole("button", { name: "Enregistrer la délivrance" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Délivrance enregistrée." })).toBeVisible();

  for (const [who, view] of [["pharmacist", page], ["patient", camille]] as const) {
    if (who === "patient") await view.goto(`/espace/ordonnances/${prescriptionId}`);
    const deliveries = view.getByRole("group", { name: "Ce que la pharmacie a délivré" });
    await expect(deliveries).toContainText(LONG_PHARMACY);
    // The name does scroll the table sideways: the case axe reported.
    expect(await deliveries.evaluate((region) => region.scrollWidth > region.clientWidth)).toBe(true);
    await deliveries.focus();
    await expect(deliveries).toBeFocused();
    await view.keyboard.press("ArrowRight");
    await expect.poll(() => deliveries.evaluate((region) => region.scrollLeft)).toBeGreaterThan(0);
    await expectNoAxeViolations(view, `${who}'s page with the long pharmacy name`);
  }
});

test("the sessions table of « Mon compte » names its action column, for a patient and for a professional", async ({ browser }) => {
  for (const [persona, path] of [["camille", "/espace/compte"], ["bernard", "/pro/compte"]] as const) {
    const page = await pageAs(browser, persona);
    await page.goto(path);
    const sessions = page.getByRole("table", { name: "Sessions ouvertes" });
    await expect(sessions.getByRole("columnheader", { name: "Action" })).toHaveCount(1);
    await expectNoAxeViolations(page, path, { bestPractice: true });
  }
});

/**
 * On a 360 px phone the sessions table scrolls in its box, and each session's « Déconnecter », in
 * the last column, sat off-screen (found by the walk): it is now the first cell, within the
 * screen's width without scrolling. A second sign-in of the persona gives a session to end.
 */
test("on a 360 px screen, each session's « Déconnecter » of « Mon compte » is within the screen, for a patient and a professional", async ({ browser }) => {
  test.setTimeout(120_000);
  for (const [persona, path] of [["camille", "/espace/compte"], ["bernard", "/pro/compte"]] as const) {
    const other = await (await newContext(browser)).newPage();
    await signIn(other, persona);
    const page = await pageAs(browser, persona);
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto(path);
    const sessions = page.getByRole("table", { name: "Sessions ouvertes" });
    const buttons = sessions.getByRole("button", { name: /^Déconnecter/ });
    expect(await buttons.count(), path).toBeGreaterThan(0);
    for (const button of await buttons.all()) {
      const box = await button.boundingBox();
      expect(box, path).not.toBeNull();
      expect(box!.x, path).toBeGreaterThanOrEqual(0);
      expect(box!.x + box!.width, path).toBeLessThanOrEqual(360);
    }
    await expectNoAxeViolations(page, `${path} sessions at 360 px`, { bestPractice: true });
  }
});

test("on a 360 px screen, no page scrolls sideways (a table scrolls in its own box), and two prescriptions' tables can be told apart", async ({ browser }) => {
  const paths = [
    ["camille", "/espace/compte"],
    ["bernard", "/pro/compte"],
    ["camille", "/espace/ordonnances"],
    ["camille", "/espace/documents"],
    ["camille", "/espace/partage"],
    ["camille", "/espace/prevention/carnet"],
  ] as const;
  for (const [persona, path] of paths) {
    const page = await pageAs(browser, persona);
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto(path);
    // The page itself: a table may scroll inside its own box, the page may not (WCAG 1.4.10).
    expect(await page.evaluate(() => document.documentElement.scrollWidth), path).toBeLessThanOrEqual(360);
    await expectNoAxeViolations(page, `${path} at 360 px`, { bestPractice: true });
  }
});
