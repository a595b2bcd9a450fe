import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test, type BrowserContext, type Locator, type Page } from "@playwright/test";
import { addDaysToDay, parisDayOf } from "@/lib/dates/paris-day";
import { formatDay } from "@/lib/documents/format";
import { expectNoAxeViolations } from "./helpers/axe";
import { PASSWORD } from "./helpers/new-patients";
import { personaPages } from "./helpers/persona-pages";
import { enterCodeOf, typePassword } from "./helpers/sign-in";

/**
 * A judge's protection measure (tutelle) in the browser. scripts/e2e-invitations.ts recorded it
 * as the assistance does (grantProtectionMeasure, behind `npm run guardianship:grant`): Bruno
 * represents Solange (tests/e2e/fixtures/protection-measure.json; no other spec uses them).
 * Bruno finds her space in his list and opens it, by keyboard and without JavaScript, under the
 * banner naming her, and reads her documents; Solange reads his view in her history, « pour
 * vous », and the measure on « Proches et délégations » with nothing to change it. Each page
 * passes axe.
 */
test.describe.configure({ mode: "serial" });

type Person = { given: string; family: string; email: string; totpSecret: string };
type Fixture = { adult: Person; representative: Person; decision: string; document: string; lastDayIn: number };
const MEASURE = JSON.parse(readFileSync(path.resolve("tests/e2e/fixtures/protection-measure.json"), "utf8")) as Fixture;
const SOLANGE = `${MEASURE.adult.given} ${MEASURE.adult.family}`;
const BRUNO = `${MEASURE.representative.given} ${MEASURE.representative.family}`;

const { newContext, closeAll } = personaPages();
test.afterAll(closeAll);

async function signedIn(context: BrowserContext, person: Person): Promise<Page> {
  const page = await context.newPage();
  await typePassword(page, person.email, PASSWORD);
  await enterCodeOf(page, person.totpSecret, person.email);
  await expect(page).toHaveURL(/\/espace$/);
  return page;
}

/** Tab on from where the focus is until `target` has it; every element passed on the way is given to `passing`. */
async function tabTo(page: Page, target: Locator, passing: (focused: Locator) => Promise<void> = async () => {}) {
  for (let presses = 0; presses < 60; presses++) {
    await page.keyboard.press("Tab");
    if (await target.evaluate((element) => element === document.activeElement)) return;
    await passing(page.locator(":focus"));
  }
  throw new Error(`Tab never reached ${target.toString()}`);
}

test("Bruno, her representative, opens Solange's space from his list by keyboard and without JavaScript, and reads her documents under the banner naming her", async ({ browser }) => {
  test.setTimeout(120_000);
  const context = await newContext(browser);
  const bruno = await signedIn(context, MEASURE.representative);

  // His home lists her space as a guardian's; the keyboard reaches its button and opens it.
  const hers = bruno.getByRole("listitem").filter({ hasText: `${SOLANGE} — vous exercez sa représentation légale` });
  await expect(hers).toBeVisible();
  await expectNoAxeViolations(bruno, "/espace, his list of spaces");
  const open = hers.getByRole("button", { name: `Ouvrir cet espace : ${SOLANGE}` });
  await tabTo(bruno, open);
  await bruno.keyboard.press("Enter");
  await expect(bruno.getByRole("status").filter({ hasText: `Vous agissez pour ${SOLANGE}.` })).toBeVisible();
  const banner = bruno.getByRole("region", { name: "Espace d'une autre personne" });
  await expect(banner).toContainText(`Vous êtes dans l'espace de ${SOLANGE} : vous exercez sa représentation légale.`);
  // An adult's space, not a child's: no growth chart.
  await expect(bruno.getByRole("link", { name: "Carnet de santé : croissance" })).toHaveCount(0);
  await expectNoAxeViolations(bruno, "/espace in her space, with the banner");
  // The keyboard reaches the banner's way back and the sections' links.
  await tabTo(bruno, banner.getByRole("button", { name: "Revenir à mon espace" }));
  const documents = bruno.getByRole("link", { name: "Documents", exact: true });
  await tabTo(bruno, documents);
  await bruno.keyboard.press("Enter");
  await expect(bruno).toHaveURL(/\/espace\/documents$/);
  await expect(banner).toContainText(`Vous êtes dans l'espace de ${SOLANGE}`);
  await expect(bruno.getByRole("main")).toContainText(MEASURE.document);

  // The same way without JavaScript, in a browser with his session: back to his space, then hers.
  const plain = await (await newContext(browser, { storageState: await context.storageState(), javaScriptEnabled: false })).newPage();
  await plain.goto("/espace/documents");
  await plain.getByRole("region", { name: "Espace d'une autre personne" }).getByRole("button", { name: "Revenir à mon espace" }).click();
  await expect(plain.getByRole("region", { name: "Espace d'une autre personne" })).toHaveCount(0);
  await plain.goto("/espace");
  await plain.getByRole("listitem").filter({ hasText: `${SOLANGE} — vous exercez sa représentation légale` }).getByRole("button", { name: /^Ouvrir cet espace/ }).click();
  await expect(plain.getByRole("region", { name: "Espace d'une autre personne" })).toContainText(`Vous êtes dans l'espace de ${SOLANGE}`);
  await plain.goto("/espace/documents");
  await expect(plain.getByRole("main")).toContainText(MEASURE.document);
});

test("Solange reads his view in her history, « pour vous », and the measure on « Proches et délégations », with nothing to change it", async ({ browser }) => {
  test.setTimeout(120_000);
  const solange = await signedIn(await newContext(browser), MEASURE.adult);
  await solange.goto("/espace/historique");
  await expect(solange.getByRole("cell").filter({ hasText: BRUNO }).first()).toContainText("pour vous");

  await solange.goto("/espace/proches");
  await expect(solange.getByRole("heading", { level: 1 })).toHaveText("Proches et délégations");
  const measure = solange.getByRole("region", { name: "Les personnes qui peuvent agir pour moi" }).getByRole("listitem").filter({ hasText: BRUNO });
  await expect(measure).toContainText(`Mesure de protection décidée par le juge : ${MEASURE.decision}.`);
  await expect(measure).toContainText(`jusqu'au ${formatDay(addDaysToDay(parisDayOf(new Date()), MEASURE.lastDayIn))} inclus`);
  await expect(measure).toContainText("Enregistrée par l'assistance du service sur décision du juge : elle ne se modifie pas ici.");
  // Nothing to change it: no link, no button, not its page's address anywhere.
  await expect(measure.getByRole("link")).toHaveCount(0);
  await expect(measure.getByRole("button")).toHaveCount(0);
  await expect(solange.getByRole("link", { name: new RegExp(`délégation de ${BRUNO}`) })).toHaveCount(0);
  await expectNoAxeViolations(solange, "/espace/proches with the measure");
  // By keyboard: the page's links and her invitation form are reached, and no stop is in the measure.
  await tabTo(solange, solange.getByLabel("Prénom"), async (focused) => {
    expect(await measure.evaluate((item, element) => item.contains(element), await focused.elementHandle())).toBe(false);
  });
});
