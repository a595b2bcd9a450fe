import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

/**
 * axe finds nothing on the page as it stands, against WCAG 2.1 A and AA: each violation is
 * listed with the elements it was found on, under `what` (the page's address by default).
 */
export async function expectNoAxeViolations(page: Page, what: string = page.url()) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`), what).toEqual([]);
}
