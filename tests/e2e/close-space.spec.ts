import { expect, test, type Browser, type BrowserContext } from "@playwright/test";
import { expectNoAxeViolations } from "./helpers/axe";
import { activateWithApp, newClient, PASSWORD, scriptFiles, typePassword } from "./helpers/new-patients";

/**
 * « Clôturer mon espace » (CSP art. R1111-36) in a real browser with JavaScript off: Margot
 * (tests/e2e/fixtures/new-patients.json, invited by scripts/e2e-invitations.ts) activates her
 * account, reads on « Mon compte » what closing does, closes her space with a recovery code, is
 * signed out, and her right password then only says the space is closed and how to reopen it.
 * Each page passes axe.
 */

/** Axe runs scripts in the page: the same address in a context with JavaScript on, with this one's cookies (its session, if any). */
async function axeOf(browser: Browser, from: BrowserContext, url: string) {
  const scripted = await newClient(browser);
  await scripted.addCookies(await from.cookies());
  const page = await scripted.newPage();
  await page.goto(url);
  await expectNoAxeViolations(page);
  await scripted.close();
}
test("a patient closes her space from « Mon compte » without JavaScript, is signed out, and cannot sign in again", async ({ browser }) => {
  test.setTimeout(120_000);
  const context = await newClient(browser, { javaScriptEnabled: false });
  const page = await context.newPage();
  const { recoveryCodes } = await activateWithApp(page, "closure", { withoutScripts: true });

  await page.goto("/espace/compte");
  const section = page.getByRole("region", { name: "Clôturer mon espace" });
  await expect(section).toContainText("Plus personne ne peut consulter votre dossier, pas même vous");
  await expect(section).toContainText("archivées pendant dix ans");
  await expect(section).toContainText("réouverture");
  await axeOf(browser, context, page.url());
  expect(await scriptFiles(page)).toEqual(["/js/simplewebauthn.js"]);

  // A wrong code: refused, said at its field, nothing closed.
  const code = section.getByRole("textbox", { name: "Code de votre application (ou code de secours)" });
  await code.fill("000000");
  await section.getByRole("button", { name: "Clôturer mon espace" }).click();
  await expect(page).toHaveURL(/\/espace\/compte\?erreur=cloture-code$/);
  await expect(page.getByRole("alert").first()).toContainText("votre espace n'a pas été clôturé");
  await axeOf(browser, context, page.url());

  await page.getByRole("region", { name: "Clôturer mon espace" }).getByRole("textbox", { name: "Code de votre application (ou code de secours)" }).fill(recoveryCodes[0]!);
  await page.getByRole("region", { name: "Clôturer mon espace" }).getByRole("button", { name: "Clôturer mon espace" }).click();
  await expect(page).toHaveURL(/\/connexion\?erreur=espace-cloture$/);
  await expect(page.getByText("Votre espace santé est clôturé et vous êtes déconnecté·e")).toBeVisible();
  await axeOf(browser, context, page.url());

  // Signed out: her space sends her to the sign-in page.
  await page.goto("/espace");
  await expect(page).toHaveURL(/\/connexion/);

  // Her right password opens nothing and says why.
  await typePassword(page, "closure", PASSWORD);
  await expect(page).toHaveURL(/\/connexion\?erreur=espace-clos$/);
  await expect(page.getByRole("alert")).toContainText("Votre espace santé est clôturé : il ne s'ouvre plus");
  await expect(page.getByRole("alert")).toContainText("contactez l'assistance");
  await axeOf(browser, context, page.url());
  await context.close();
});
