import { expect, test } from "@playwright/test";
import { DOCUMENT_IDS, PATIENT_IDS } from "@/lib/demo/personas";
import { expectNoAxeViolations } from "./helpers/axe";
import { results, rowTitled } from "./helpers/documents-table";
import { personaPages } from "./helpers/persona-pages";

/**
 * What others see of a record's documents, in a real browser on the seeded demo: Dr Petit,
 * blocked by Camille, sees nothing of her; Dr Moreau opens Jean's record in an emergency and
 * Jean is told; Camille acting for Jean sees his documents but none of his privacy settings.
 * axe checks each page on the way. Camille's own documents: documents.spec.ts.
 *
 * The demo record is shared with the other specs: this one changes nothing of it but Dr Moreau's
 * emergency access to Jean, and switches Camille back to her own space at the end.
 */
test.describe.configure({ mode: "serial" });

const CAMILLE = PATIENT_IDS.camille;
const JEAN = PATIENT_IDS.jean;
const stamp = `e2e${Date.now().toString(36)}`;
const EMERGENCY_REASON = `Patient inconscient aux urgences, recherche d'antécédents (${stamp})`;

// One signed-in session per persona (helpers/persona-pages.ts says why).
const { pageAs, closeAll } = personaPages();

test.afterAll(closeAll);

test("Dr Petit, blocked by Camille, sees nothing of her: no list, no page, no file", async ({ browser }) => {
  const page = await pageAs(browser, "petit");
  await expect(page.getByRole("main")).not.toContainText("Camille");
  for (const path of [`/pro/patients/${CAMILLE}`, `/pro/patients/${CAMILLE}?q=asthme`, `/pro/patients/${CAMILLE}/documents/${DOCUMENT_IDS.camilleRestricted}`, `/pro/patients/${CAMILLE}/ajouter`, "/pro/patients/pas-un-id/ajouter"]) {
    // The malformed id answered 500 on the App Router's upload page (the rules' query failed on it).
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(page.getByRole("heading", { level: 1 }), path).toHaveText("Page introuvable");
    await expect(page.getByRole("main"), path).not.toContainText("Camille");
  }
  for (const id of [DOCUMENT_IDS.camilleRestricted, DOCUMENT_IDS.camilleHidden]) {
    expect((await page.request.get(`/api/documents/${id}/file`)).status()).toBe(404);
  }
});

test("Nadia, a patient with no tie to Camille, naming Camille's documents in her own space's address gets « Page introuvable » and nothing of them", async ({ browser }) => {
  // The document page reads the row its address names beside the session (page-scope.ts): the
  // repository must still refuse it, as if the document did not exist.
  const page = await pageAs(browser, "nadia");
  for (const [id, title] of [
    [DOCUMENT_IDS.camilleRestricted, "Sérologies VIH"],
    [DOCUMENT_IDS.camilleHidden, "Consultation de psychiatrie"],
  ] as const) {
    const response = await page.goto(`/espace/documents/${id}`);
    expect(response?.status(), id).toBe(404);
    await expect(page.getByRole("heading", { level: 1 }), id).toHaveText("Page introuvable");
    await expect(page.getByRole("main"), id).not.toContainText(title);
    await expect(page.getByRole("main"), id).not.toContainText("Camille");
  }
});

test("Dr Moreau opens Jean's record in an emergency with a reason; Jean sees it on his home and in his history", async ({ browser }) => {
  const page = await pageAs(browser, "moreau");
  // Not authorised by Jean: nothing without emergency access.
  await page.goto(`/pro/patients/${JEAN}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page introuvable");

  await page.goto("/pro/urgence");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Accès en urgence");
  await expectNoAxeViolations(page, "emergency page");
  expect(await page.locator("script[src]").count()).toBe(0);
  await page.getByLabel("Nom de naissance ou d'usage").fill("Martin");
  await page.getByLabel("Prénom").fill("Jean");
  // A day off first: refused, and the form comes back with what was typed, only the date to correct.
  await page.getByLabel("Date de naissance").fill("1950-06-03");
  await page.getByLabel("Motif de l'accès en urgence").fill(EMERGENCY_REASON);
  await page.getByRole("button", { name: "Ouvrir l'accès en urgence" }).click();
  await expect(page).toHaveURL(/\/pro\/urgence\?erreur=refuse$/);
  await expect(page.getByRole("alert")).toContainText("Aucun dossier accessible en urgence ne correspond à ces informations.");
  expect(page.url()).not.toContain("Martin");
  await expect(page.getByLabel("Nom de naissance ou d'usage")).toHaveValue("Martin");
  await expect(page.getByLabel("Prénom")).toHaveValue("Jean");
  await expect(page.getByLabel("Motif de l'accès en urgence")).toHaveValue(EMERGENCY_REASON);
  await page.getByLabel("Date de naissance").fill("1950-06-02");
  await page.getByRole("button", { name: "Ouvrir l'accès en urgence" }).click();
  await expect(page).toHaveURL(new RegExp(`/pro/patients/${JEAN}$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Documents de Jean Martin");
  await expect(page.getByRole("status").filter({ hasText: "Accès en urgence ouvert jusqu'à" })).toBeVisible();
  await expect(results(page)).toContainText("Échocardiographie transthoracique");
  await expectNoAxeViolations(page, "professional's patient page under emergency access");

  const jean = await pageAs(browser, "jean");
  await jean.goto("/espace");
  const notice = jean.getByRole("region", { name: "Accès en urgence à votre dossier" });
  await expect(notice).toContainText("Dr Inès Moreau");
  await expect(notice).toContainText(EMERGENCY_REASON);
  await notice.getByRole("link", { name: "Voir l'historique des accès" }).click();
  await expect(jean).toHaveURL(/\/espace\/historique$/);
  await expect(jean.getByRole("heading", { level: 1 })).toHaveText("Historique des accès");
  const emergencyRow = jean.getByRole("row").filter({ hasText: EMERGENCY_REASON });
  await expect(emergencyRow).toHaveCount(1);
  await expect(emergencyRow).toContainText("Dr Inès Moreau");
  await expect(emergencyRow).toContainText("Accès en urgence");
  await expectNoAxeViolations(jean, "access history page");
});

test("Camille, acting for Jean from the space switcher, sees his documents but not his privacy settings", async ({ browser }) => {
  const page = await pageAs(browser, "camille");
  await page.goto("/espace");
  const spaces = page.getByRole("region", { name: "Espaces auxquels vous avez accès" });
  await spaces.getByRole("listitem").filter({ hasText: "Jean Martin" }).getByRole("button", { name: "Ouvrir cet espace" }).click();
  await expect(page.getByRole("main")).toContainText("Vous agissez pour Jean Martin.");
  try {
    await page.goto("/espace/documents");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Documents de Jean Martin");
    await expect(rowTitled(page, "Échocardiographie transthoracique")).toBeVisible();
    // documents:read only: no upload, no privacy badges.
    await expect(page.getByRole("link", { name: "Ajouter un document" })).toHaveCount(0);
    await expect(results(page)).not.toContainText("Masqué aux professionnels");

    await rowTitled(page, "Échocardiographie transthoracique").getByRole("link").click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Échocardiographie transthoracique");
    await expect(page.locator("iframe[title^='Aperçu du document']")).toBeVisible();
    await expect(page.getByRole("heading", { name: "Confidentialité de ce document" })).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Masquer ce document aux professionnels" })).toHaveCount(0);
    await expect(page.getByRole("heading", { name: "Qui a consulté ce document" })).toHaveCount(0);
    await expect(page.getByRole("heading", { name: "Supprimer ce document" })).toHaveCount(0);

    // The hide route refuses her as well, whatever the form says: Dr Bernard still sees the document.
    const documentId = new URL(page.url()).pathname.split("/").pop()!;
    const origin = new URL(page.url()).origin;
    const hide = await page.request.post(`/api/documents/${documentId}/masquer`, { headers: { origin }, form: {}, maxRedirects: 0 });
    expect(hide.headers()["location"] ?? "").not.toContain("message=masque");
    const bernard = await pageAs(browser, "bernard");
    await bernard.goto(`/pro/patients/${JEAN}/documents/${documentId}`);
    await expect(bernard.getByRole("heading", { level: 1 })).toHaveText("Échocardiographie transthoracique");
    // Camille authorises him too, but Jean's document is not hers: under her record's address it is not found.
    const elsewhere = await bernard.goto(`/pro/patients/${CAMILLE}/documents/${documentId}`);
    expect(elsewhere?.status()).toBe(404);
    await expect(bernard.getByRole("heading", { level: 1 })).toHaveText("Page introuvable");
    await expect(bernard.getByRole("main")).not.toContainText("Échocardiographie transthoracique");

    // Jean's trail (who opened his record, his emergency notices) is his privacy too.
    await page.goto("/espace/historique");
    await expect(page.getByRole("main")).toContainText("n'est pas accessible avec les droits de votre délégation");
    await expect(page.getByRole("main")).not.toContainText(EMERGENCY_REASON);
  } finally {
    await page.goto("/espace");
    await page
      .getByRole("region", { name: "Espaces auxquels vous avez accès" })
      .getByRole("listitem")
      .filter({ hasText: "Mon espace personnel" })
      .getByRole("button", { name: "Ouvrir cet espace" })
      .click();
    await expect(page.getByRole("main")).not.toContainText("Vous agissez pour");
  }
});
