import type { Page } from "@playwright/test";

/** The documents list as a screen reader names it, and one of its rows by title. */
export const results = (page: Page) => page.getByRole("table", { name: "Documents, du plus récent au plus ancien" });
export const rowTitled = (page: Page, title: string) => results(page).getByRole("rowheader").filter({ hasText: title });
