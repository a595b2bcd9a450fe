import { expect, test } from "@playwright/test";
import { PATIENT_IDS } from "@/lib/demo/personas";
import { personaPages } from "./helpers/persona-pages";
import { expectNoAxeViolations } from "./helpers/axe";

/**
 * The access history page in a real browser (SECURITY-CASES 45): Nadia's record gets a refused
 * attempt by Dr Petit and many of her own reads; her history shows others' accesses first, the
 * attempt before her own reads, counts each group with a link to where it begins, and pages with
 * plain links and a page-number form that work without JavaScript. "Je ne reconnais pas cet
 * accès", pressed without JavaScript on a professional's access, blocks her at once. And the page
 * an account past its reads of the minute is sent to reads as plain words.
 */
test.describe.configure({ mode: "serial" });

const NADIA = PATIENT_IDS.nadia;
const { pageAs, closeAll } = personaPages();
test.afterAll(closeAll);

test("Nadia's history shows a professional's refused attempt before her own reads, and pages without JavaScript", async ({ browser }) => {
  // Two sign-ins (each may wait for the next TOTP step) and sixty API reads before the pages.
  test.setTimeout(180_000);
  const petit = await pageAs(browser, "petit");
  const refused = await petit.request.get(`/api/fhir/R4/DocumentReference?patient=${NADIA}`);
  expect(refused.status()).toBe(200);

  const nadia = await pageAs(browser, "nadia");
  for (let i = 0; i < 60; i++) expect((await nadia.request.get(`/api/fhir/R4/DocumentReference?patient=${NADIA}`)).status()).toBe(200);

  const page = await pageAs(browser, "nadia", { javaScriptEnabled: false });
  await page.goto("/espace/historique");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Historique des accès");
  const groupsShown = () =>
    page.getByRole("table").getByRole("columnheader").filter({ hasText: /Accès par d'autres|Tentatives refusées|Vos propres/ }).allInnerTexts();
  const pageNumber = () => Number(new URL(page.url()).searchParams.get("page") ?? "1");
  expect((await groupsShown())[0]).toBe("Accès par d'autres que vous");
  // The summary's counts lead to where each group begins: refused attempts, then her own reads.
  const summary = page.getByRole("navigation", { name: "Aller au début de chaque groupe" });
  await summary.getByRole("link", { name: /^\d+ tentatives? refusées?$/ }).click();
  await expect(page).toHaveURL(/\/espace\/historique\?page=\d+#groupe-refused$/);
  expect(await groupsShown()).toContain("Tentatives refusées");
  const refusedPage = pageNumber();
  await summary.getByRole("link", { name: /^\d+ par vous-même$/ }).click();
  await expect(page).toHaveURL(/\/espace\/historique\?page=\d+#groupe-own$/);
  const groups = await groupsShown();
  expect(groups.at(-1)).toBe("Vos propres consultations et actions");
  expect(pageNumber()).toBeGreaterThanOrEqual(refusedPage);
  if (groups.includes("Tentatives refusées")) expect(groups.indexOf("Tentatives refusées")).toBeLessThan(groups.indexOf("Vos propres consultations et actions"));
  await page.goto("/espace/historique");
  // axe runs in the page: on a page with JavaScript (the one above has none, as on an old phone).
  await nadia.goto("/espace/historique");
  await expectNoAxeViolations(nadia, "history, first page");

  const nav = page.getByRole("navigation", { name: "Pages de l'historique" });
  const pageOf = await nav.getByText(/^Page 1 sur \d+$/).innerText();
  const pages = Number(pageOf.split(" ").at(-1));
  expect(pages).toBeGreaterThan(1);
  await nav.getByRole("link", { name: /Plus anciens/ }).click();
  await expect(page).toHaveURL(/\/espace\/historique\?page=2$/);
  await expect(nav.getByText(`Page 2 sur ${pages}`)).toBeVisible();

  await nav.getByLabel("Aller à la page").fill(String(pages));
  await nav.getByRole("button", { name: "Afficher" }).click();
  await expect(page).toHaveURL(new RegExp(`/espace/historique\\?page=${pages}$`));
  await expect(nav.getByText(`Page ${pages} sur ${pages}`)).toBeVisible();
  await expect(nav.getByRole("link", { name: /Première page/ })).toBeVisible();
  await nadia.goto(`/espace/historique?page=${pages}`);
  await expectNoAxeViolations(nadia, "history, last page");

  // Today only, without JavaScript: her sixty reads of today, paged with the period kept.
  const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Paris" }).format(new Date());
  const period = page.getByRole("region", { name: "Choisir une période" });
  await period.getByLabel("Du", { exact: true }).fill(today);
  await period.getByLabel("Au (inclus)", { exact: true }).fill(today);
  await period.getByRole("button", { name: "Afficher cette période" }).click();
  await expect(page).toHaveURL(new RegExp(`/espace/historique\\?du=${today}&au=${today}$`));
  await expect(page.getByText(/^Du \d{1,2}(er)? \p{L}+ \d{4} au \d{1,2}(er)? \p{L}+ \d{4} inclus\.$/u)).toBeVisible();
  await nav.getByRole("link", { name: /Plus anciens/ }).click();
  await expect(page).toHaveURL(new RegExp(`/espace/historique\\?du=${today}&au=${today}&page=2$`));
  // A start after the end: said at the field, which has the focus; the whole trail meanwhile.
  await nadia.goto(`/espace/historique?du=${today}&au=2020-01-01`);
  await expect(nadia.getByLabel("Du", { exact: true })).toBeFocused();
  await expect(nadia.getByLabel("Du", { exact: true })).toHaveAccessibleDescription(/La date de début est après la date de fin/);
  await expectNoAxeViolations(nadia, "history, a refused period");
});

test("Nadia does not recognise a professional's access in her history: one press, without JavaScript, blocks her at once", async ({ browser }) => {
  test.setTimeout(180_000);
  const page = await pageAs(browser, "nadia", { javaScriptEnabled: false });
  // Nadia authorises Dr Moreau from her sharing page (as sharing.spec.ts does), and she reads her documents.
  // (Dr Moreau: Dr Petit and Dr Bernard's lists of patients are asserted by sign-in.spec.ts.)
  await page.goto("/espace/partage?q=Moreau");
  const result = page.locator("#autoriser li").filter({ hasText: "Dr Inès Moreau" });
  await result.locator("summary").click();
  await result.locator("form").getByRole("button", { name: "Autoriser" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Le professionnel est autorisé." })).toBeVisible();
  const moreau = await pageAs(browser, "moreau");
  const search = () => moreau.request.get(`/api/fhir/R4/DocumentReference?patient=${NADIA}`);
  const found = async () => ((await (await search()).json()) as { entry?: unknown[] }).entry ?? [];
  expect((await found()).length).toBeGreaterThan(0);

  await page.goto("/espace/historique");
  // What the button does is said once, in words, above the table.
  await expect(page.getByText("« Je ne reconnais pas cet accès » bloque tout de suite la personne à l'origine de l'accès et le signale.")).toBeVisible();
  const moreausAccess = page.getByRole("row").filter({ hasText: "Dr Inès Moreau" }).filter({ hasText: "Autorisé" }).first();
  await moreausAccess.getByRole("button", { name: "Je ne reconnais pas cet accès" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Le blocage est enregistré et l'accès est signalé" })).toBeVisible();
  // Blocked at once: her very next search finds nothing, and the history says the access was reported.
  expect(await found()).toEqual([]);
  await page.goto("/espace/historique");
  await expect(page.getByRole("row").filter({ hasText: "Dr Inès Moreau" }).filter({ hasText: "Accès signalé" }).first()).toBeVisible();
});

test("the page for too many requests says what happened and how to go on", async ({ browser }) => {
  const page = await pageAs(browser, "nadia");
  await page.goto("/trop-de-demandes");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Trop de demandes en peu de temps");
  await expect(page.getByRole("main")).toContainText("Patientez une minute");
  await expectNoAxeViolations(page, "too many requests");
});
