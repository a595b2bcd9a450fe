import { expect, test, type Page } from "@playwright/test";
import { PRESCRIPTION_IDS } from "@/lib/demo/personas";
import { expectNoAxeViolations } from "./helpers/axe";
import { personaPages } from "./helpers/persona-pages";

/**
 * The portal's tables on a 360 px phone: every one was wider than its box (the pharmacist's five
 * columns of medicines took 658 px in 326), so columns were cut off and scrolled sideways. Each row
 * now reads as a short list, each value under its column's name, and the table stays a table to
 * screen readers (stacked-rows.tsx): nothing scrolls sideways, neither the page nor a table.
 */
test.describe.configure({ mode: "serial" });

const { pageAs, newContext, closeAll } = personaPages();
test.afterAll(closeAll);

const PHONE = { width: 360, height: 740 };

/** Neither the page nor any of its tables is wider than the screen or its box. */
async function expectNothingSideways(page: Page, what: string) {
  expect(await page.evaluate(() => document.scrollingElement!.scrollWidth), what).toBeLessThanOrEqual(PHONE.width);
  const tables = await page.evaluate(() =>
    [...document.querySelectorAll("table")].map((table) => ({ caption: table.caption?.textContent ?? "", width: table.scrollWidth, box: table.parentElement!.clientWidth })),
  );
  expect(tables.length, what).toBeGreaterThan(0);
  for (const table of tables) expect(table.width, `${what}: ${table.caption}`).toBeLessThanOrEqual(table.box);
}

/** The headers' meaning as Chromium gives it to screen readers: the table's cells and its column headers, by name. */
async function accessibleTable(page: Page) {
  const cdp = await page.context().newCDPSession(page);
  const { nodes } = (await cdp.send("Accessibility.getFullAXTree")) as { nodes: { role?: { value?: string }; name?: { value?: string } }[] };
  await cdp.detach();
  return {
    headers: nodes.filter((node) => node.role?.value?.toLowerCase() === "columnheader").map((node) => node.name?.value ?? ""),
    cells: nodes.filter((node) => node.role?.value === "cell").length,
  };
}

test("the pharmacist's page at 360 px: what was prescribed and what was dispensed read without scrolling sideways, headers kept for screen readers", async ({ browser }) => {
  test.setTimeout(120_000);
  const camille = await pageAs(browser, "camille");
  await camille.goto(`/espace/ordonnances/${PRESCRIPTION_IDS.camillePartlyDispensed}`);
  await camille.getByRole("button", { name: "Créer le lien" }).click();
  const url = await camille.getByLabel("Lien à copier").inputValue();
  const passcode = (await camille.getByTestId("share-passcode").innerText()).trim();

  const page = await (await newContext(browser)).newPage();
  await page.setViewportSize(PHONE);
  await page.goto(url);
  await page.getByLabel("Code à 6 chiffres").fill(passcode);
  await page.getByLabel("Nom de la pharmacie").fill("Pharmacie du Marché");
  await page.getByRole("button", { name: "Ouvrir l'ordonnance" }).click();
  const deliveries = page.getByRole("group", { name: "Ce que la pharmacie a délivré" });
  await expect(deliveries).toBeVisible();
  await expectNothingSideways(page, "pharmacist's page");
  // Each value is shown under its column's name.
  await expect(deliveries.locator("td[data-label='Pharmacie']").first()).toBeVisible();
  const ax = await accessibleTable(page);
  expect(ax.headers).toEqual(expect.arrayContaining(["Médicament", "Quand", "Pharmacie"]));
  expect(ax.cells).toBeGreaterThan(0);
  await expectNoAxeViolations(page, "pharmacist's page at 360 px", { bestPractice: true });
});

test("the patient's and the professional's tables at 360 px: history, documents, prescription, sessions and sign-ins fit their box", async ({ browser }) => {
  test.setTimeout(120_000);
  const paths = [
    ["camille", "/espace/historique"],
    ["jean", "/espace/historique"],
    ["camille", "/espace/documents"],
    ["camille", `/espace/ordonnances/${PRESCRIPTION_IDS.camillePartlyDispensed}`],
    ["camille", "/espace/compte"],
    ["bernard", "/pro/compte"],
  ] as const;
  for (const [persona, path] of paths) {
    const page = await pageAs(browser, persona);
    await page.setViewportSize(PHONE);
    await page.goto(path);
    await expectNothingSideways(page, `${persona} ${path}`);
    await expectNoAxeViolations(page, `${path} at 360 px`, { bestPractice: true });
  }
});
