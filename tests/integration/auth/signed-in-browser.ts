import { openSession } from "@/server/auth/open-session";
import type { AccountSummary } from "@/server/db/account-store";
import { sessionCookie } from "../fhir-api/http";
import { Browser } from "./test-server";

/** A browser on the test server holding a fresh session of `account`, as after a sign-in. */
export async function signedInBrowser(base: string, account: AccountSummary): Promise<Browser> {
  const browser = new Browser(base);
  const [name, value] = (await sessionCookie(await openSession({ account, openedWith: { method: "password" }, now: new Date(), userAgent: "vitest" }))).split("=");
  browser.jar.set(name!, value!);
  return browser;
}
