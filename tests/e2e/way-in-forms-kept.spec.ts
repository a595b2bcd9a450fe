import { expect, test, type Browser } from "@playwright/test";
import { ACCOUNTS, DEMO_PASSWORD } from "@/lib/demo/personas";
import { randomAddress } from "./helpers/sign-in";

/**
 * The forms of the way in (sign-in, forgotten password, activation), refused, come back with what
 * was typed, but never a password, and never in the address (it reaches history and logs):
 * typed-before-session.ts. Without JavaScript first, as the pages are served; then with it.
 */
test.describe.configure({ mode: "serial" });

async function browserPage(browser: Browser, javaScriptEnabled: boolean) {
  const context = await browser.newContext({ javaScriptEnabled, extraHTTPHeaders: { "x-forwarded-for": randomAddress() } });
  return context.newPage();
}

for (const javaScriptEnabled of [false, true]) {
  const mode = javaScriptEnabled ? "with JavaScript" : "without JavaScript";

  test(`a wrong password brings Camille back to the sign-in form with her address typed, not her password (${mode})`, async ({ browser }) => {
    const page = await browserPage(browser, javaScriptEnabled);
    const email = ACCOUNTS.camille.email;
    await page.goto("/connexion");
    await page.getByLabel("Adresse e-mail").fill(email);
    await page.getByLabel("Mot de passe").fill(`${DEMO_PASSWORD}-faux`);
    await page.getByRole("button", { name: "Continuer" }).click();
    await expect(page).toHaveURL(/\/connexion\?erreur=identifiants$/);
    await expect(page.getByText("Connexion impossible avec ces informations")).toBeVisible();
    await expect(page.getByLabel("Adresse e-mail")).toHaveValue(email);
    await expect(page.getByLabel("Mot de passe")).toHaveValue("");
    expect(page.url()).not.toContain(encodeURIComponent(email));
    expect(page.url()).not.toContain(email);
    // Given back once: the same address opened again (the next person at a shared computer) shows nothing typed.
    await page.reload();
    await expect(page.getByLabel("Adresse e-mail")).toHaveValue("");

    // Typed again, refused again, then corrected, it goes through, and the address is forgotten: the form comes back empty.
    await page.getByLabel("Adresse e-mail").fill(email);
    await page.getByLabel("Mot de passe").fill(`${DEMO_PASSWORD}-faux`);
    await page.getByRole("button", { name: "Continuer" }).click();
    await expect(page.getByLabel("Adresse e-mail")).toHaveValue(email);
    await page.getByLabel("Mot de passe").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Continuer" }).click();
    await expect(page).toHaveURL(/\/connexion\/code$/);
    await page.goto("/connexion?erreur=identifiants");
    await expect(page.getByLabel("Adresse e-mail")).toHaveValue("");
    await page.context().close();
  });

  test(`an address without its domain ending, on the forgotten password's form, is said so and comes back as typed (${mode})`, async ({ browser }) => {
    const page = await browserPage(browser, javaScriptEnabled);
    await page.goto("/connexion/oubli");
    await page.getByLabel("Adresse e-mail").fill("camille@gmail");
    await page.getByRole("button", { name: "Recevoir le lien" }).click();
    await expect(page).toHaveURL(/\/connexion\/oubli\?erreur=saisie$/);
    await expect(page.getByText("Ce n'est pas une adresse e-mail")).toBeVisible();
    await expect(page.getByText("un e-mail vient de lui être envoyé")).toHaveCount(0);
    await expect(page.getByLabel("Adresse e-mail")).toHaveValue("camille@gmail");
    await page.context().close();
  });

  test(`a refused activation code comes back with the code and the birth date typed (${mode})`, async ({ browser }) => {
    const page = await browserPage(browser, javaScriptEnabled);
    await page.goto("/activer");
    await page.getByLabel("Code d'activation").fill("ABCD-EFGH-JKLM");
    await page.getByLabel("Date de naissance").fill("1984-03-02");
    await page.getByRole("button", { name: "Continuer" }).click();
    await expect(page).toHaveURL(/\/activer\?erreur=1$/);
    await expect(page.getByLabel("Code d'activation")).toHaveValue("ABCD-EFGH-JKLM");
    await expect(page.getByLabel("Date de naissance")).toHaveValue("1984-03-02");
    expect(page.url()).not.toContain("ABCD");
    await page.reload();
    await expect(page.getByLabel("Code d'activation")).toHaveValue("");
    await page.context().close();
  });
}
