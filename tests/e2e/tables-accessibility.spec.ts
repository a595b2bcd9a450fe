import { expect, test } from "@playwright/test";
import { expectNoAxeViolations } from "./helpers/axe";
import { personaPages } from "./helpers/persona-pages";

/** The portal's tables with a screen reader: the sessions table of « Mon compte » names its last column (its buttons). */
test.describe.configure({ mode: "serial" });

const { pageAs, closeAll } = personaPages();
test.afterAll(closeAll);

test("the sessions table of « Mon compte » names its last column, for a patient and for a professional", async ({ browser }) => {
  for (const [persona, path] of [["camille", "/espace/compte"], ["bernard", "/pro/compte"]] as const) {
    const page = await pageAs(browser, persona);
    await page.goto(path);
    const sessions = page.getByRole("table", { name: "Sessions ouvertes" });
    await expect(sessions.getByRole("columnheader", { name: "Action" })).toHaveCount(1);
    await expectNoAxeViolations(page, path, { bestPractice: true });
  }
});
