import type { Browser, BrowserContext, Page } from "@playwright/test";
import { ACCOUNTS, type AccountPersona } from "@/lib/demo/personas";
import { randomAddress, signIn } from "./sign-in";

type Session = Awaited<ReturnType<BrowserContext["storageState"]>>;

/**
 * The personas' sessions, for the whole run: the specs run in one worker, in order, so a session
 * opened by one spec serves the next ones. A TOTP code is usable once per 30-second step, so
 * signing each persona in again in every spec made the run wait for the next step, again and
 * again (minutes in all). A session a spec ended, or left in another person's space, is found
 * out before reuse (`readyAgain`); the sign-in itself is tested by sign-in.spec.ts and
 * accounts.spec.ts, which do not use this cache.
 */
const sessions = new Map<AccountPersona, Session>();

/** The cached session still signs in, and is put back in the persona's own space. */
async function readyAgain(page: Page, persona: AccountPersona): Promise<boolean> {
  const account = ACCOUNTS[persona];
  if (account.kind === "patient") {
    const own = account.fhirRef.slice("Patient/".length);
    const back = await page.request.post("/espace/espace-actif", { form: { patientId: own }, headers: { origin: baseOrigin(page) }, maxRedirects: 0 });
    if (back.status() !== 303 || back.headers()["location"]?.includes("/connexion")) return false;
  }
  const home = await page.request.get(account.kind === "patient" ? "/espace" : "/pro", { maxRedirects: 0 });
  return home.status() === 200;
}

/** The portal's origin as the browser sends it (playwright.config.ts's baseURL): the route refuses other sites. */
function baseOrigin(page: Page): string {
  return page.url().startsWith("http") ? new URL(page.url()).origin : `http://localhost:${process.env.E2E_PORT ?? "3100"}`;
}

/**
 * Browsers of one spec file, each persona signed in (once for the whole run, see `sessions`);
 * every context opened is closed by `closeAll()`.
 */
export function personaPages() {
  const contexts: BrowserContext[] = [];

  /** A fresh context standing for a client of its own (its own X-Forwarded-For). */
  async function newContext(browser: Browser, options: { storageState?: Session; javaScriptEnabled?: boolean } = {}): Promise<BrowserContext> {
    const context = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": randomAddress() }, ...options });
    contexts.push(context);
    return context;
  }

  async function pageAs(browser: Browser, persona: AccountPersona, options: { javaScriptEnabled?: boolean } = {}): Promise<Page> {
    const cached = sessions.get(persona);
    const context = await newContext(browser, { storageState: cached, javaScriptEnabled: options.javaScriptEnabled ?? true });
    const page = await context.newPage();
    if (cached && (await readyAgain(page, persona))) return page;
    if (cached) {
      // Ended or unusable: a fresh context, so no stale cookie rides along with the new sign-in.
      await context.clearCookies();
    }
    await signIn(page, persona);
    sessions.set(persona, await context.storageState());
    return page;
  }

  async function closeAll(): Promise<void> {
    for (const context of contexts.splice(0)) await context.close();
  }

  return { pageAs, newContext, closeAll };
}
