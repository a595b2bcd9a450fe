import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { Secret, TOTP } from "otpauth";
import { expectNoAxeViolations } from "./axe";
import { randomAddress } from "./sign-in";

/**
 * The people accounts.spec.ts opens accounts for: their record exists and they have no account
 * yet (tests/e2e/fixtures/new-patients.json; scripts/e2e.mjs invites them before the server
 * starts and leaves their activation codes in E2E_DATA_DIR/invitations.json), and the steps
 * they take in the browser to activate, sign in and out.
 */
type NewPatient = { given: string; family: string; birthDate: string; email: string };
/** « assistance »: activated once, then put back « à activer » by the assistance (npm run account:recover). */
export type Person = "passkey" | "recovery" | "reset" | "sessions" | "assistance" | "closure";
export const dataDir = path.resolve(process.env.E2E_DATA_DIR ?? ".test-data/e2e");
export const PATIENTS = JSON.parse(readFileSync(path.resolve("tests/e2e/fixtures/new-patients.json"), "utf8")) as Record<Person, NewPatient>;
export const invitation = (person: Person): string => (JSON.parse(readFileSync(path.join(dataDir, "invitations.json"), "utf8")) as Record<Person, string>)[person];
export const nameOf = (person: Person) => `${PATIENTS[person].given} ${PATIENTS[person].family}`;

export const PASSWORD = "Trois ours lisent des cartes marines";
export const NEW_PASSWORD = "Un phare bleu veille sur la baie des Anges";

export async function newClient(browser: Browser, options: { javaScriptEnabled?: boolean } = {}): Promise<BrowserContext> {
  return browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": randomAddress() }, ...options });
}

/**
 * The person's authenticator app. The server takes each 30-second step's code once per account
 * (and the steps either side of now), so every code given here is of a step not used yet:
 * this one if free, else the next one, waiting for the clock when both are spent.
 */
export class AuthenticatorApp {
  private lastStep = 0;
  constructor(readonly secret: string) {}

  async code(page: Page): Promise<string> {
    const current = Math.floor(Date.now() / 30_000);
    const step = Math.max(this.lastStep + 1, current);
    if (step > current + 1) await page.waitForTimeout((step - 1) * 30_000 - Date.now() + 500);
    this.lastStep = step;
    return TOTP.generate({ secret: Secret.fromBase32(this.secret), algorithm: "SHA1", digits: 6, period: 30, timestamp: step * 30_000 + 1_000 });
  }
}

/** The script files a page loads (by path, without their version): none but SimpleWebAuthn's where a passkey can be made. */
export async function scriptFiles(page: Page): Promise<(string | undefined)[]> {
  return page.locator("script[src]").evaluateAll((found) => found.map((s) => s.getAttribute("src")?.replace(/\?v=.*$/, "")));
}

/**
 * /activer up to the second factor: the code and birth date, then a password. Axe on each step;
 * no step loads Next's runtime, the second factor's only SimpleWebAuthn's file for its passkey.
 */
export async function activateUpToSecondFactor(page: Page, person: Person, axe: boolean) {
  await page.goto("/activer");
  if (axe) await expectNoAxeViolations(page);
  expect(await scriptFiles(page)).toEqual([]);
  await page.getByLabel("Code d'activation").fill(invitation(person));
  await page.getByLabel("Date de naissance").fill(PATIENTS[person].birthDate);
  await page.getByRole("button", { name: "Continuer" }).click();
  await expect(page).toHaveURL(/\/activer\/mot-de-passe$/);
  if (axe) await expectNoAxeViolations(page);
  expect(await scriptFiles(page)).toEqual([]);
  await page.getByLabel(/^Mot de passe/).fill(PASSWORD);
  await page.getByLabel("Le même mot de passe, une seconde fois").fill(PASSWORD);
  await page.getByRole("button", { name: "Enregistrer le mot de passe" }).click();
  await expect(page).toHaveURL(/\/activer\/second-facteur$/);
  if (axe) await expectNoAxeViolations(page);
  expect(await scriptFiles(page)).toEqual(["/js/simplewebauthn.js"]);
}

/** Reads the key shown for the authenticator app, as a person would type it. */
export async function shownKey(page: Page): Promise<AuthenticatorApp> {
  return new AuthenticatorApp(((await page.getByTestId("totp-key").textContent()) ?? "").replace(/\s+/g, ""));
}

/** The whole activation with an authenticator app; gives the app and the ten recovery codes. */
export async function activateWithApp(page: Page, person: Person, options: { withoutScripts?: boolean } = {}): Promise<{ app: AuthenticatorApp; recoveryCodes: string[] }> {
  await activateUpToSecondFactor(page, person, false);
  // Without scripts the passkey part says why it has no button; the app works all the same.
  if (options.withoutScripts) await expect(page.getByTestId("passkey-needs-script")).toContainText("demande JavaScript");
  const app = await shownKey(page);
  await page.getByLabel("Code affiché par l'application").fill(await app.code(page));
  await page.getByRole("button", { name: "Valider le code" }).click();
  await expect(page).toHaveURL(/\/activer\/codes-secours$/);
  expect(await scriptFiles(page)).toEqual([]);
  const recoveryCodes = (await page.getByTestId("recovery-codes").getByRole("listitem").allTextContents()).map((c) => c.trim());
  expect(recoveryCodes).toHaveLength(10);
  await page.getByRole("button", { name: /J'ai mis mes codes en lieu sûr/ }).click();
  await expect(page).toHaveURL(/\/espace$/);
  await expect(page.getByRole("banner")).toContainText(nameOf(person));
  return { app, recoveryCodes };
}

export async function typePassword(page: Page, person: Person, password: string) {
  await page.goto("/connexion");
  await page.getByLabel("Adresse e-mail").fill(PATIENTS[person].email);
  await page.getByLabel("Mot de passe").fill(password);
  await page.getByRole("button", { name: "Continuer" }).click();
}

export async function signOut(page: Page) {
  await page.getByRole("button", { name: "Se déconnecter" }).click();
  await expect(page).toHaveURL(/\/connexion$/);
}
