import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as patientAccount from "@/pages/espace/compte";
import { POST as changeEmail } from "@/app/compte/adresse/route";
import { openSession } from "@/server/auth/open-session";
import { useTestDatabase } from "../../setup/test-database";
import { sessionCookie } from "../fhir-api/http";
import { servePage } from "../pages/pages-route";
import { anAccount } from "./helpers";
import { Browser, startTestServer } from "./test-server";

/**
 * « Changer d'adresse » refused comes back with the new address in its field, never in the page's
 * address: a person who typed a long address on a phone, then a code that had just changed, found
 * the field empty (found by the walk of « Mon compte »). The code is not given back; another
 * session's page, and the form once it went through, show nothing of it.
 */
useTestDatabase();

let server: Awaited<ReturnType<typeof startTestServer>>;
beforeAll(async () => {
  server = await startTestServer({ "/compte/adresse": changeEmail });
});
afterAll(() => server.close());

async function signedIn(account: Awaited<ReturnType<typeof anAccount>>): Promise<Browser> {
  const browser = new Browser(server.base);
  const [name, value] = (await sessionCookie(await openSession({ account, openedWith: { method: "password" }, now: new Date(), userAgent: "vitest" }))).split("=");
  browser.jar.set(name!, value!);
  return browser;
}

/** The new-address field of « Mon compte » as the browser's next page shows it. */
async function addressField(browser: Browser, location: string): Promise<string> {
  const page = await servePage(patientAccount, location, { cookie: browser.cookieHeader() });
  expect(page.status).toBe(200);
  const field = /<input[^>]*name="email"[^>]*>/.exec(page.html!)?.[0];
  expect(field).toBeDefined();
  return field!;
}

describe("a refused change of address", () => {
  it("gives the typed address back to its field, to that session only, and forgets it once sent", async () => {
    const account = await anAccount();
    const browser = await signedIn(account);
    const newEmail = `nouvelle-${account.id}@example.org`;

    const refused = await browser.post("/compte/adresse", { email: newEmail, code: "000000" });
    const location = refused.headers.get("location")!;
    expect(location).toBe("/espace/compte?erreur=adresse-code");
    expect(location).not.toContain("example.org");
    expect(await addressField(browser, location)).toContain(`value="${newEmail}"`);
    expect(await addressField(browser, location)).not.toContain("000000");

    // Another session of the same account, with the cookie copied to it, opens nothing.
    const other = await signedIn(account);
    for (const [name, value] of browser.jar) if (name.includes("adresse-saisie")) other.jar.set(name, value);
    expect(await addressField(other, location)).not.toContain("value=");

    // Sent: the next page's field is empty again.
    const sent = await browser.post("/compte/adresse", { email: newEmail, code: account.code(new Date()) });
    expect(sent.headers.get("location")).toBe("/espace/compte?ok=adresse-envoyee");
    expect(await addressField(browser, "/espace/compte?erreur=adresse-code")).not.toContain("value=");
  });
});
