import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { PATIENT_IDS } from "@/lib/demo/personas";
import { personaPages } from "./helpers/persona-pages";
import { expectNoAxeViolations } from "./helpers/axe";

/**
 * Issue 15 in a browser: Dr Bernard opens Camille's record, Camille sees the notification (count
 * in the header), opens it and marks everything read with JavaScript off, chooses her e-mail
 * preferences; the e-mail written to the outbox folder names nobody. Every new page passes axe.
 */
const personas = personaPages();
test.afterAll(() => personas.closeAll());
const outbox = path.resolve(process.env.E2E_DATA_DIR ?? ".test-data/e2e", "outbox");

test("a professional's first look notifies the patient, who reads it without JavaScript", async ({ browser }) => {
  // Two sign-ins (each may wait for the next TOTP step) and three axe runs.
  test.setTimeout(240_000);
  const bernard = await personas.pageAs(browser, "bernard");
  await bernard.goto(`/pro/patients/${PATIENT_IDS.camille}`);
  await expect(bernard.getByRole("heading", { level: 1 })).toBeVisible();
  await bernard.goto("/pro/notifications");
  await expectNoAxeViolations(bernard);

  const camille = await personas.pageAs(browser, "camille", { javaScriptEnabled: false });
  await camille.goto("/espace");
  await expect(camille.getByRole("link", { name: /Notifications \(\d+ non lues?\)/ })).toBeVisible();
  await camille.getByRole("link", { name: /Notifications/ }).click();
  await expect(camille.getByRole("heading", { level: 1, name: "Notifications" })).toBeVisible();
  const item = camille.getByRole("listitem").filter({ hasText: "Un professionnel de santé a consulté votre dossier pour la première fois." });
  await expect(item.first()).toBeVisible();
  // axe runs in the page, so in a context of its own with JavaScript on (same session).
  const withScripts = await personas.pageAs(browser, "camille");
  await withScripts.goto("/espace/notifications");
  await expectNoAxeViolations(withScripts);
  await withScripts.goto("/espace/notifications/preferences");
  await expectNoAxeViolations(withScripts);

  await item.first().getByRole("button", { name: /^Voir/ }).click();
  await expect(camille).toHaveURL(/\/espace\/historique$/);

  await camille.goto("/espace/notifications");
  const markAll = camille.getByRole("button", { name: "Tout marquer comme lu" });
  if (await markAll.count()) await markAll.click();
  await expect(camille.getByRole("heading", { name: "0 non lue" })).toBeVisible();
  await expect(camille.getByRole("link", { name: "Notifications", exact: true })).toBeVisible();

  await camille.getByRole("link", { name: "Choisir les notifications reçues aussi par e-mail" }).click();
  // A security kind is no choice: listed apart, as always e-mailed, with no checkbox.
  await expect(camille.getByRole("checkbox", { name: /Accès en urgence/ })).toHaveCount(0);
  await expect(camille.getByRole("region", { name: "Toujours envoyées par e-mail" }).getByRole("listitem").filter({ hasText: "Accès en urgence à votre dossier" })).toBeVisible();
  await camille.getByRole("checkbox", { name: "Lien d'ordonnance ouvert" }).uncheck();
  await camille.getByRole("button", { name: "Enregistrer mes choix" }).click();
  await expect(camille.getByRole("status")).toContainText("Vos choix sont enregistrés.");
  await expect(camille.getByRole("checkbox", { name: "Lien d'ordonnance ouvert" })).not.toBeChecked();

  // The portal's worker wrote the e-mail (no SMTP_URL here): it names neither the doctor nor anything of the record.
  await expect
    .poll(async () => {
      const files = (await readdir(outbox).catch(() => [])).filter((f) => f.endsWith(".eml"));
      const texts = await Promise.all(files.map((f) => readFile(path.join(outbox, f), "utf8")));
      return texts.filter((t) => t.includes("camille.martin@example.org")).length;
    }, { timeout: 20_000 })
    .toBeGreaterThan(0);
  const files = (await readdir(outbox)).filter((f) => f.endsWith(".eml"));
  for (const file of files) {
    const text = await readFile(path.join(outbox, file), "utf8");
    // An e-mail may name its own recipient (Dr Bernard's own notices go to her address), never anyone else.
    const toBernard = /^To: sophie\.bernard@example\.org$/m.test(text);
    expect(text.replace(/^To: .*$/m, "")).not.toMatch(toBernard ? /généraliste|asthme|Ventoline|Camille|Martin/i : /Bernard|généraliste|asthme|Ventoline|Sophie/i);
  }
});
