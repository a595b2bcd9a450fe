import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

const WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

/**
 * axe finds nothing on the page as it stands, against WCAG 2.1 A and AA: each violation is
 * listed with the elements it was found on, under `what` (the page's address by default).
 * `bestPractice` adds axe's best practices (an empty table header is one, not a WCAG failure).
 */
export async function expectNoAxeViolations(page: Page, what: string = page.url(), options: { bestPractice?: boolean } = {}) {
  const tags = options.bestPractice ? [...WCAG_21_AA, "best-practice"] : WCAG_21_AA;
  const results = await new AxeBuilder({ page }).withTags(tags).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`), what).toEqual([]);
}
