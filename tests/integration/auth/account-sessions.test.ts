import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as endOne } from "@/app/compte/sessions/fermer/route";
import { POST as endOthers } from "@/app/compte/sessions/fermer-autres/route";
import { listSessions, sessionHandle } from "@/server/accounts/account-sessions";
import { checkSession } from "@/server/auth/check-session";
import { openSession } from "@/server/auth/open-session";
import { currentAuthCookies } from "@/server/auth/session-token";
import { recentAccountEvents } from "@/server/db/account-event-store";
import { useTestDatabase } from "../../setup/test-database";
import { sessionCookie } from "../fhir-api/http";
import { anAccount } from "./helpers";
import { Browser, startTestServer } from "./test-server";


useTestDatabase();

let server: Awaited<ReturnType<typeof startTestServer>>;
beforeAll(async () => {
  server = await startTestServer({ "/compte/sessions/fermer": endOne, "/compte/sessions/fermer-autres": endOthers });
});
afterAll(() => server.close());

const FIREFOX = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0";
const SAFARI = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1";

async function browserOf(sessionId: string): Promise<Browser> {
  const browser = new Browser(server.base);
  const [name, value] = (await sessionCookie(sessionId)).split("=");
  browser.jar.set(name!, value!);
  expect(name).toBe(currentAuthCookies().sessionToken.name);
  return browser;
}

describe("Mon compte: sessions", () => {
  it("lists each session with browser, system, dates and address, and ends another one at its next request", async () => {
    const account = await anAccount();
    const now = new Date();
    const here = await openSession({ account, openedWith: { method: "password" }, now, userAgent: FIREFOX, address: "198.51.100.4" });
    const phone = await openSession({ account, openedWith: { method: "password" }, now, userAgent: SAFARI, address: "203.0.113.77" });
    const session = (await checkSession(here, now))!;
    const listed = await listSessions(session, now);
    expect(listed).toHaveLength(2);
    expect(listed.find((s) => s.current)).toMatchObject({ browser: "Firefox", system: "Windows", address: "198.51.100.4" });
    expect(listed.find((s) => !s.current)).toMatchObject({ browser: "Safari", system: "iOS", address: "203.0.113.77" });

    const answer = await (await browserOf(here)).post("/compte/sessions/fermer", { session: sessionHandle(phone) });
    expect(answer.headers.get("location")).toBe("/espace/compte?ok=session");
    expect(await checkSession(phone, new Date())).toBeUndefined();
    expect(await checkSession(here, new Date())).toBeDefined();
    expect((await recentAccountEvents(account.id, 5)).map((e) => e.kind)).toContain("session-ended");
  });

  it("cannot end another account's session, even knowing its handle", async () => {
    const mine = await anAccount();
    const theirs = await anAccount();
    const now = new Date();
    const myBrowser = await browserOf(await openSession({ account: mine, openedWith: { method: "password" }, now, userAgent: FIREFOX }));
    const victim = await openSession({ account: theirs, openedWith: { method: "password" }, now, userAgent: SAFARI });
    const answer = await myBrowser.post("/compte/sessions/fermer", { session: sessionHandle(victim) });
    expect(answer.headers.get("location")).toBe("/espace/compte?erreur=session");
    expect(await checkSession(victim, new Date())).toBeDefined();
  });

  it("ends all the others at once, keeping this one; refuses a cross-site post", async () => {
    const account = await anAccount();
    const now = new Date();
    const here = await openSession({ account, openedWith: { method: "password" }, now, userAgent: FIREFOX });
    const others = await Promise.all([1, 2, 3].map(() => openSession({ account, openedWith: { method: "password" }, now, userAgent: SAFARI })));
    const browser = await browserOf(here);
    const forged = await browser.post("/compte/sessions/fermer-autres", {}, { origin: "https://evil.example", "sec-fetch-site": "cross-site" });
    expect(forged.status).toBe(403);
    expect(await checkSession(others[0]!, new Date())).toBeDefined();
    expect((await browser.post("/compte/sessions/fermer-autres", {})).headers.get("location")).toBe("/espace/compte?ok=autres");
    for (const id of others) expect(await checkSession(id, new Date())).toBeUndefined();
    expect(await checkSession(here, new Date())).toBeDefined();
  });
});
