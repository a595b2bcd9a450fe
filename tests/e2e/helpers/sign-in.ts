import { expect, type Page } from "@playwright/test";
import { Secret, TOTP } from "otpauth";
import { ACCOUNTS, DEMO_PASSWORD, type AccountPersona } from "@/lib/demo/personas";

/**
 * Sign-in as the personas do it, in a real browser: password, then the TOTP code computed here
 * from the persona's published secret. Needs the seeded demo accounts.
 *
 * Each test or browser context sends its own X-Forwarded-For, standing for a distinct client,
 * so the per-address sign-in window of one test does not throttle the next (all tests come
 * from 127.0.0.1).
 */
export const randomAddress = () => `198.51.${Math.floor(Math.random() * 256)}.${Math.floor(Math.random() * 254) + 1}`;

const codeOf = (totpSecret: string, at: number) => TOTP.generate({ secret: Secret.fromBase32(totpSecret), algorithm: "SHA1", digits: 6, period: 30, timestamp: at });
export const code = (persona: AccountPersona, at: number) => codeOf(ACCOUNTS[persona].totpSecret, at);

export async function typePassword(page: Page, email: string, password: string) {
  await page.goto("/connexion");
  await page.getByLabel("Adresse e-mail").fill(email);
  await page.getByLabel("Mot de passe").fill(password);
  await page.getByRole("button", { name: "Continuer" }).click();
}

/**
 * Password then code. A code is usable once per account, and an earlier test (or run) may have
 * used this 30-second step or even the next one (the server accepts ±1 step). So: the current
 * code, else the next one, else the one after, once the clock has reached the next step.
 */
export async function signIn(page: Page, persona: AccountPersona) {
  await typePassword(page, ACCOUNTS[persona].email, DEMO_PASSWORD);
  await enterCode(page, persona);
}

/** The code step, on /connexion/code: the current code, else the next one, else the one after (see signIn). */
export async function enterCode(page: Page, persona: AccountPersona) {
  await enterCodeOf(page, ACCOUNTS[persona].totpSecret, persona);
}

/** The same step for an account that is no persona (protection-measure.spec.ts's people): `who` names it in a failure. */
export async function enterCodeOf(page: Page, totpSecret: string, who: string) {
  await expect(page, `${who}'s password step`).toHaveURL(/\/connexion\/code$/);
  for (const [offset, waitForNextStep] of [
    [0, false],
    [30_000, false],
    [30_000, true],
  ] as const) {
    if (waitForNextStep) await page.waitForTimeout(30_000 - (Date.now() % 30_000) + 500);
    await page.getByLabel("Code à 6 chiffres").fill(codeOf(totpSecret, Date.now() + offset));
    await page.getByRole("button", { name: "Se connecter" }).click();
    await page.waitForLoadState("load");
    if (!page.url().includes("/connexion")) return;
  }
  throw new Error(`${who} could not complete the code step`);
}
