import { expect } from "vitest";
import * as patientAccount from "@/pages/espace/compte";
import { currentAuthCookies } from "@/server/auth/session-token";
import { sessionCookie } from "../fhir-api/http";
import { servePage } from "../pages/pages-route";
import type { SoftAuthenticator } from "./soft-authenticator";
import { Browser } from "./test-server";

/**
 * Sign-ins as a person makes them, over a test server's routes, each leaving the browser with its
 * session cookie: the password and a code (the server needs signInRoutes), a passkey (the server
 * needs /connexion/cle/options and /connexion/cle/verifier). Each from a loopback address of its
 * own (`localAddress`) where the password step counts per address.
 */
export async function signInWithPassword(
  base: string,
  account: { email: string; password: string },
  code: { code: string; kind?: "totp" | "recovery" },
  localAddress: string,
): Promise<Browser> {
  const browser = new Browser(base, undefined, localAddress);
  expect((await browser.post("/connexion/mot-de-passe", { email: account.email, password: account.password })).headers.get("location")).toBe("/connexion/code");
  return finishWithCode(browser, code);
}

/** The code step of a sign-in under way in this browser (after the password, or after an identity of one factor). */
export async function finishWithCode(browser: Browser, code: { code: string; kind?: "totp" | "recovery" }): Promise<Browser> {
  const answer = await browser.post("/code", { code: code.code, kind: code.kind ?? "totp" });
  expect(answer.status).toBe(200);
  const [name, value] = (await sessionCookie(((await answer.json()) as { sessionId: string }).sessionId)).split("=");
  browser.jar.set(name!, value!);
  return browser;
}

export async function signInWithPasskey(base: string, authenticator: SoftAuthenticator): Promise<Browser> {
  const browser = new Browser(base);
  const { challenge } = (await (await browser.postJson("/connexion/cle/options")).json()) as { challenge: string };
  expect((await browser.postJson("/connexion/cle/verifier", authenticator.assert(challenge))).status).toBe(200);
  expect(browser.jar.has(currentAuthCookies().sessionToken.name)).toBe(true);
  return browser;
}

/** Whether this browser's next request is still signed in: « Mon compte » answers, rather than sending it to sign in. */
export async function isSignedIn(browser: Browser): Promise<boolean> {
  const answer = await servePage(patientAccount, "/espace/compte", { cookie: browser.cookieHeader() });
  if (answer.status === 200) return true;
  expect(answer.redirect).toMatch(/^\/connexion/);
  return false;
}

/** How each session of « Mon compte »'s list was opened, as its « Connexion » cell says after the day (empty: not recorded), sorted. */
export async function sessionsOpenedWith(cookie: string): Promise<string[]> {
  const html = (await servePage(patientAccount, "/espace/compte", { cookie })).html!;
  const table = html.match(/<caption[^>]*>Sessions ouvertes<\/caption>([\s\S]*?)<\/table>/)?.[1] ?? "";
  // The row's first cell is its action (« Déconnecter » or « Cette session »), then browser, system, first use.
  const cells = [...table.matchAll(/<tr[^>]*>\s*<td[^>]*>(?:(?!<\/td>)[\s\S])*<\/td>\s*<td[^>]*>[^<]*<\/td>\s*<td[^>]*>[^<]*<\/td>\s*<td[^>]*>([^<]*)<\/td>/g)].map(([, cell]) => cell!);
  expect(cells.length).toBeGreaterThan(0);
  return cells.map((cell) => cell.replace(/^[^,]*,?\s*/, "").replaceAll("&#x27;", "'")).sort();
}
