import type { Browser, BrowserContext, Page } from "@playwright/test";
import type { AccountPersona } from "@/lib/demo/personas";
import { randomAddress, signIn } from "./sign-in";

type Session = Awaited<ReturnType<BrowserContext["storageState"]>>;

/**
 * Browsers of one spec file: each persona signs in once (a code is usable once per 30-second
 * step), later pages reuse that session; every context opened is closed by `closeAll()`.
 */
export function personaPages() {
  const sessions = new Map<AccountPersona, Session>();
  const contexts: BrowserContext[] = [];

  /** A fresh context standing for a client of its own (its own X-Forwarded-For). */
  async function newContext(browser: Browser, options: { storageState?: Session; javaScriptEnabled?: boolean } = {}): Promise<BrowserContext> {
    const context = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": randomAddress() }, ...options });
    contexts.push(context);
    return context;
  }

  async function pageAs(browser: Browser, persona: AccountPersona, options: { javaScriptEnabled?: boolean } = {}): Promise<Page> {
    const context = await newContext(browser, { storageState: sessions.get(persona), javaScriptEnabled: options.javaScriptEnabled ?? true });
    const page = await context.newPage();
    if (!sessions.has(persona)) {
      await signIn(page, persona);
      sessions.set(persona, await context.storageState());
    }
    return page;
  }

  async function closeAll(): Promise<void> {
    for (const context of contexts.splice(0)) await context.close();
  }

  return { pageAs, newContext, closeAll };
}
