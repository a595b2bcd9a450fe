import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { EMAILS, PATIENT_IDS } from "@/lib/demo/personas";
import { personaPages } from "./helpers/persona-pages";
import { expectNoAxeViolations } from "./helpers/axe";

/**
 * Issue 15's secure messaging in two browsers: Camille writes to Dr Bernard with a document
 * attached, he answers, both are notified and the e-mails say nothing of health; Dr Petit, whom
 * Camille blocked, cannot write to her (not offered, a forged post refused, the API too). Every
 * new page passes axe, and Camille's messaging works with JavaScript off.
 */
const personas = personaPages();
test.afterAll(() => personas.closeAll());
const outbox = path.resolve(process.env.E2E_DATA_DIR ?? ".test-data/e2e", "outbox");

/** The subject and body of the .eml files written to `email`, headers (and so the address) left out. */
async function emailsTo(email: string): Promise<string[]> {
  const files = (await readdir(outbox).catch(() => [])).filter((f) => f.endsWith(".eml"));
  const texts = await Promise.all(files.map((f) => readFile(path.join(outbox, f), "utf8")));
  return texts
    .filter((text) => text.includes(email))
    .map((text) => {
      const [headers = "", ...body] = text.split(/\r?\n\r?\n/);
      return `${headers.split(/\r?\n/).find((line) => line.startsWith("Subject:")) ?? ""}\n${body.join("\n\n")}`;
    });
}

test("Camille writes to Dr Bernard with a document, he answers, both are notified, the e-mails name nothing", async ({ browser }) => {
  test.setTimeout(300_000);
  const camille = await personas.pageAs(browser, "camille");
  await camille.goto("/espace/messages");
  await expectNoAxeViolations(camille);
  const recipients = await camille.getByLabel("Destinataire").locator("option").allTextContents();
  expect(recipients.some((name) => name.includes("Sophie Bernard"))).toBe(true);
  expect(recipients.some((name) => name.includes("Petit"))).toBe(false);
  const bernardOption = recipients.find((name) => name.includes("Sophie Bernard"))!;
  await camille.getByLabel("Destinataire").selectOption({ label: bernardOption });
  await camille.getByLabel("Objet (facultatif)").fill("Question sur mes résultats");
  await camille.getByLabel("Votre message").fill("Bonjour docteur, voici mes résultats. Voir https://example.org/aide <b>merci</b>");
  const documentOptions = await camille.getByLabel(/Joindre un document/).locator("option").allTextContents();
  await camille.getByLabel(/Joindre un document/).selectOption({ label: documentOptions.find((label) => label.startsWith("Hémogramme"))! });
  await camille.getByRole("button", { name: "Envoyer" }).click();
  await expect(camille).toHaveURL(/\/espace\/messages\/[0-9a-f-]{36}\?message=envoye$/);
  await expect(camille.getByRole("status")).toContainText("Votre message a été envoyé.");
  // The confirmation has the focus (the page was loaded by a plain form post), and the title
  // tells this conversation from the others open in the browser.
  await expect(camille.getByRole("status")).toBeFocused();
  await expect(camille).toHaveTitle(/^Question sur mes résultats — avec .*Sophie Bernard — Mon espace santé$/);
  // Markup typed by a person stays text; the address is a safe link.
  await expect(camille.getByText("<b>merci</b>")).toBeVisible();
  await expect(camille.getByRole("link", { name: "https://example.org/aide" })).toHaveAttribute("rel", "noopener noreferrer");
  await expect(camille.getByRole("link", { name: /Pièce jointe : Hémogramme/ })).toBeVisible();
  const conversation = new URL(camille.url()).pathname.split("/").pop()!;
  await expectNoAxeViolations(camille);

  const bernard = await personas.pageAs(browser, "bernard");
  await bernard.goto("/pro/notifications");
  await expect(bernard.getByRole("listitem").filter({ hasText: "Vous avez reçu un nouveau message." }).first()).toBeVisible();
  // His home says how many messages wait for him, a link to his inbox.
  await bernard.goto("/pro");
  const unread = bernard.getByRole("link", { name: /^\d+ messages? non lus?$/ });
  await expect(unread).toBeVisible();
  await expectNoAxeViolations(bernard);
  await unread.click();
  await expect(bernard).toHaveURL(/\/pro\/messages$/);
  await expectNoAxeViolations(bernard);
  await bernard.getByRole("link", { name: "Question sur mes résultats" }).first().click();
  await expect(bernard).toHaveURL(new RegExp(`/pro/messages/${conversation}$`));
  await expect(bernard.getByText("Bonjour docteur, voici mes résultats.")).toBeVisible();
  await expect(bernard).toHaveTitle(/^Question sur mes résultats — avec Camille Martin — Mon espace santé$/);
  await expect(bernard.getByRole("link", { name: /Pièce jointe : Hémogramme/ })).toBeVisible();
  await expectNoAxeViolations(bernard);
  await bernard.getByLabel("Votre message").fill("Bien reçu, les résultats sont normaux.");
  await bernard.getByRole("button", { name: "Répondre" }).click();
  await expect(bernard.getByRole("status")).toContainText("Votre message a été envoyé.");

  await camille.goto("/espace/notifications");
  await expect(camille.getByRole("listitem").filter({ hasText: "Vous avez reçu un nouveau message." }).first()).toBeVisible();
  await camille.goto(`/espace/messages/${conversation}`);
  await expect(camille.getByText("Bien reçu, les résultats sont normaux.")).toBeVisible();
  await expect(camille.getByText(/Lu le/).first()).toBeVisible();

  for (const email of [EMAILS.bernard, EMAILS.camille]) {
    await expect.poll(async () => (await emailsTo(email)).length, { timeout: 30_000 }).toBeGreaterThan(0);
    for (const text of await emailsTo(email)) expect(text).not.toMatch(/Bernard|Sophie|Camille|Martin|Hémogramme|résultats|Question|asthme|pneumo/i);
  }
});

test("Dr Petit, blocked by Camille, cannot write to her: not offered, a forged post and the API refused", async ({ browser }) => {
  test.setTimeout(180_000);
  const petit = await personas.pageAs(browser, "petit");
  await petit.goto("/pro/messages");
  await expect(petit.getByRole("heading", { level: 1, name: "Messagerie sécurisée" })).toBeVisible();
  const patients = petit.getByLabel("Patient");
  if (await patients.count()) expect((await patients.locator("option").allTextContents()).some((name) => name.includes("Camille"))).toBe(false);
  const origin = new URL(petit.url()).origin;
  const forged = await petit.request.post("/api/messages", { headers: { origin }, multipart: { patient: PATIENT_IDS.camille, texte: "Bonjour Camille" }, maxRedirects: 0 });
  expect(forged.status()).toBe(404);
  const api = await petit.request.post("/api/fhir/R4/Communication", {
    headers: { origin, "content-type": "application/fhir+json" },
    data: {
      resourceType: "Communication",
      status: "completed",
      subject: { reference: `Patient/${PATIENT_IDS.camille}` },
      recipient: [{ reference: `Patient/${PATIENT_IDS.camille}` }],
      payload: [{ contentString: "Bonjour Camille" }],
    },
  });
  expect([403, 404]).toContain(api.status());
  expect(((await api.json()) as { resourceType: string }).resourceType).toBe("OperationOutcome");
});

test("Camille's messaging works with JavaScript off", async ({ browser }) => {
  test.setTimeout(120_000);
  const camille = await personas.pageAs(browser, "camille", { javaScriptEnabled: false });
  await camille.goto("/espace/messages");
  const recipients = await camille.getByLabel("Destinataire").locator("option").allTextContents();
  await camille.getByLabel("Destinataire").selectOption({ label: recipients.find((name) => name.includes("Sophie Bernard"))! });
  await camille.getByLabel("Votre message").fill("Envoyé sans JavaScript.");
  await camille.getByRole("button", { name: "Envoyer" }).click();
  await expect(camille.getByRole("status")).toContainText("Votre message a été envoyé.");
  // Sent without a subject, the conversation is called by its opening words (conversation-title.ts).
  await expect(camille.getByRole("heading", { level: 1, name: "« Envoyé sans JavaScript. »" })).toBeVisible();
  await expect(camille.getByText("Envoyé sans JavaScript.", { exact: true })).toBeVisible();
  await camille.getByRole("button", { name: "Retirer ce message" }).click();
  await expect(camille.getByRole("status")).toContainText("Le message a été retiré.");
  await expect(camille.getByText("Message retiré")).toBeVisible();
  // Its only message withdrawn, nothing of it is quoted any more.
  await expect(camille.getByRole("heading", { level: 1, name: "Sans objet" })).toBeVisible();
  await camille.getByRole("link", { name: /Toutes les conversations/ }).click();
  await expect(camille.getByRole("heading", { level: 1, name: "Messagerie sécurisée" })).toBeVisible();
});

test("a subject typed as one long word wraps on a phone's screen, in the list and as the conversation's title, on both sides", async ({ browser }) => {
  test.setTimeout(120_000);
  const camille = await personas.pageAs(browser, "camille");
  await camille.goto("/espace/messages");
  const recipients = await camille.getByLabel("Destinataire").locator("option").allTextContents();
  await camille.getByLabel("Destinataire").selectOption({ label: recipients.find((name) => name.includes("Sophie Bernard"))! });
  // 120 characters, the longest subject the form takes, with no space to break at (a pasted reference, say).
  const subject = `Dossier-${"0123456789".repeat(11)}-a`;
  expect(subject).toHaveLength(120);
  await camille.getByLabel("Objet (facultatif)").fill(subject);
  await camille.getByLabel("Votre message").fill("Un objet sans espace.");
  await camille.getByRole("button", { name: "Envoyer" }).click();
  await expect(camille.getByRole("status")).toContainText("Votre message a été envoyé.");
  const conversation = new URL(camille.url()).pathname;
  const bernard = await personas.pageAs(browser, "bernard");
  const widerThanScreen = async (page: typeof camille, path: string) => {
    await page.setViewportSize({ width: 320, height: 640 });
    await page.goto(path);
    return page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);
  };
  for (const [page, path] of [
    [camille, "/espace/messages"],
    [camille, conversation],
    [bernard, "/pro/messages"],
    [bernard, conversation.replace("/espace/", "/pro/")],
  ] as const) {
    expect(await widerThanScreen(page, path), path).toBe(false);
    await expect(page.getByText(subject).first()).toBeVisible();
  }
});

test("a message refused for its file comes back, JavaScript off, with its subject and its 5,000 characters, the recipient still chosen", async ({ browser }) => {
  test.setTimeout(120_000);
  const camille = await personas.pageAs(browser, "camille", { javaScriptEnabled: false });
  await camille.goto("/espace/messages");
  const recipients = await camille.getByLabel("Destinataire").locator("option").allTextContents();
  const bernard = recipients.find((name) => name.includes("Sophie Bernard"))!;
  await camille.getByLabel("Destinataire").selectOption({ label: bernard });
  await camille.getByLabel("Objet (facultatif)").fill("Douleur au genou");
  const text = "Depuis lundi la douleur au genou revient la nuit, surtout après la marche, et le gonflement ne passe pas. ".repeat(60).slice(0, 5000);
  await camille.getByLabel("Votre message").fill(text);
  await camille.getByLabel(/Ou joindre un nouveau fichier/).setInputFiles({ name: "radio.pdf", mimeType: "application/pdf", buffer: Buffer.from("MZ pas un document") });
  await camille.getByRole("button", { name: "Envoyer" }).click();
  await expect(camille).toHaveURL(/\/espace\/messages\?a=[0-9a-f-]{36}&message=fichier$/);
  await expect(camille.getByRole("alert")).toContainText("Ce fichier n'a pas pu être joint");
  // What was typed came back through the browser's own cookie, not the address.
  expect(camille.url()).not.toContain("genou");
  await expect(camille.getByLabel("Objet (facultatif)")).toHaveValue("Douleur au genou");
  await expect(camille.getByLabel("Votre message")).toHaveValue(text);
  await expect(camille.getByLabel("Destinataire").locator("option:checked")).toHaveText(bernard);
  await camille.getByRole("button", { name: "Envoyer" }).click();
  await expect(camille.getByRole("status")).toContainText("Votre message a été envoyé.");
  await camille.goto("/espace/messages?message=fichier");
  await expect(camille.getByLabel("Votre message")).toHaveValue("");
});

test("Camille writes for Jean to Dr Bernard; his answer is told to her too, and its notice takes her from her own space to the conversation in Jean's", async ({ browser }) => {
  test.setTimeout(240_000);
  const camille = await personas.pageAs(browser, "camille");
  await camille.goto("/espace");
  await camille.locator("form[action='/espace/espace-actif']", { has: camille.locator(`input[value="${PATIENT_IDS.jean}"]`) }).first().getByRole("button").click();
  await expect(camille).toHaveTitle(/espace de Jean Martin/);
  await camille.goto("/espace/messages");
  const recipients = await camille.getByLabel("Destinataire").locator("option").allTextContents();
  await camille.getByLabel("Destinataire").selectOption({ label: recipients.find((name) => name.includes("Sophie Bernard"))! });
  await camille.getByLabel("Objet (facultatif)").fill("Renouvellement pour mon père");
  await camille.getByLabel("Votre message").fill("Bonjour docteur, je vous écris pour Jean : son traitement se termine vendredi.");
  await camille.getByRole("button", { name: "Envoyer" }).click();
  await expect(camille.getByRole("status")).toContainText("Votre message a été envoyé.");
  const conversation = new URL(camille.url()).pathname.split("/").pop()!;

  const bernard = await personas.pageAs(browser, "bernard");
  await bernard.goto(`/pro/messages/${conversation}`);
  await bernard.getByLabel("Votre message").fill("C'est noté, l'ordonnance sera prête jeudi.");
  await bernard.getByRole("button", { name: "Répondre" }).click();
  await expect(bernard.getByRole("status")).toContainText("Votre message a été envoyé.");

  // Back in her own space, Camille finds the notice among her own, which names no one.
  await camille.goto("/espace");
  await camille.locator("form[action='/espace/espace-actif']", { has: camille.locator(`input[value="${PATIENT_IDS.camille}"]`) }).first().getByRole("button").click();
  await camille.goto("/espace/notifications");
  const text = "Un professionnel de santé a répondu à un message que vous avez écrit pour une personne que vous aidez.";
  const notice = camille.getByRole("listitem").filter({ hasText: text }).first();
  await expect(notice).toBeVisible();
  await expectNoAxeViolations(camille);
  await notice.getByRole("button").click();
  await expect(camille).toHaveURL(new RegExp(`/espace/messages/${conversation}$`));
  await expect(camille.getByText("C'est noté, l'ordonnance sera prête jeudi.")).toBeVisible();
  await expect(camille).toHaveTitle(/espace de Jean Martin/);
  for (const email of await emailsTo(EMAILS.camille)) expect(email).not.toMatch(/Bernard|Sophie|Jean|Martin|Renouvellement|traitement|ordonnance/i);
});

test("« Écrire au patient » from Camille's record: the new message's heading has the focus", async ({ browser }) => {
  const bernard = await personas.pageAs(browser, "bernard");
  await bernard.goto(`/pro/patients/${PATIENT_IDS.camille}`);
  await bernard.getByRole("link", { name: "Écrire au patient" }).click();
  await expect(bernard).toHaveURL(new RegExp(`/pro/messages\\?patient=${PATIENT_IDS.camille}$`));
  // The link has no fragment, which made Chromium skip autofocus (message-form.tsx).
  await expect(bernard.getByRole("heading", { name: "Nouveau message" })).toBeFocused();
  await expect(bernard.getByLabel("Patient", { exact: true })).toHaveValue(PATIENT_IDS.camille);
});
