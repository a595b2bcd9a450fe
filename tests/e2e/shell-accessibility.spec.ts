import { expect, test } from "@playwright/test";
import { expectNoAxeViolations } from "./helpers/axe";

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
