import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { currentAuthCookies } from "@/server/auth/session-token";
import { REFUSAL_FLOOR_MS } from "@/server/auth/start-sign-in";
import { SIGN_IN_DELAYS } from "@/server/auth/throttle-policy";
import { recentAccountEvents } from "@/server/db/account-event-store";
import { database, setDatabase } from "@/server/db/client";
import type { SqlDriver } from "@/server/db/sql-driver";
import { useTestDatabase } from "../../setup/test-database";
import { anAccount, anAddress, PASSWORD } from "./helpers";
import { signInRoutes } from "./sign-in-routes";
import { Browser, startTestServer } from "./test-server";

/**
 * Whether an address has an account must not show in how the password step refuses it
 * (SECURITY-CASES 12): the same answer, and the same work, so the same time. The bench measures
 * the time (`npm run bench -- sign-in`: once an address was made to wait, a real account's
 * refusal took 1.67 times an unknown address's, before start-sign-in.ts ran the same statements
 * for both); these tests hold the cause: every refusal is sent over a socket to the route, and
 * the statements it runs on the database are recorded and compared, real account against
 * unknown address, at each step of an attack.
 */
useTestDatabase({ fresh: true });

let server: Awaited<ReturnType<typeof startTestServer>>;
beforeAll(async () => {
  // One trusted hop: each attempt's X-Forwarded-For is its address, so the per-address cap of
  // one test's attempts does not refuse another's.
  server = await startTestServer(signInRoutes, 1);
});
afterAll(() => server.close());

/** The texts of the statements `send` ran through the app's SQL driver, in the order they were sent. */
async function statementsOf(send: () => Promise<unknown>): Promise<string[]> {
  const db = await database();
  const texts: string[] = [];
  const recording: SqlDriver = {
    ...db.sql,
    query: <T extends Record<string, unknown>>(text: string, params?: unknown[]) => {
      texts.push(text.replace(/\s+/g, " ").trim());
      return db.sql.query<T>(text, params);
    },
  };
  setDatabase(Promise.resolve({ ...db, sql: recording }));
  try {
    await send();
  } finally {
    setDatabase(Promise.resolve(db));
  }
  return texts;
}

const nobody = () => `nobody-${randomUUID()}@example.org`;

async function refused(browser: Browser, email: string, password = "not-the-password"): Promise<void> {
  const answer = await browser.post("/connexion/mot-de-passe", { email, password }, { "x-forwarded-for": anAddress() });
  expect(answer.headers.get("location")).toBe("/connexion?erreur=identifiants");
}

/** Enough wrong passwords, each from an address of its own, for the typed address to be made to wait. */
async function makeWait(browser: Browser, email: string): Promise<void> {
  for (let i = 0; i <= SIGN_IN_DELAYS.freeFailures; i++) await refused(browser, email, `wrong-${i}`);
}

/** A real account and an unknown address, both made to wait, and the browser that typed them. */
async function bothWaiting() {
  const browser = new Browser(server.base);
  const account = await anAccount();
  const stranger = nobody();
  await makeWait(browser, account.email);
  await makeWait(browser, stranger);
  return { browser, account, stranger };
}

describe("the password step refuses an address without an account in the same statements as a real account", () => {
  it("a wrong password: the same statements, the trail's row written inside one both run", async () => {
    const browser = new Browser(server.base);
    const account = await anAccount();
    const real = await statementsOf(() => refused(browser, account.email));
    const unknown = await statementsOf(() => refused(browser, nobody()));
    expect(real.length).toBeGreaterThan(2);
    expect(unknown).toEqual(real);
    expect(real.some((text) => text.includes("INSERT INTO account_event"))).toBe(true);
    // The real account's failure is in its trail.
    expect((await recentAccountEvents(account.id, 10)).map((event) => event.kind)).toEqual(["password-failed"]);
  });

  it("once the address is made to wait: the same statements, and one row in the owner's trail per window, not one per attempt", async () => {
    const { browser, account, stranger } = await bothWaiting();
    for (let i = 0; i < 3; i++) {
      const real = await statementsOf(() => refused(browser, account.email, PASSWORD));
      const unknown = await statementsOf(() => refused(browser, stranger, PASSWORD));
      expect(unknown).toEqual(real);
    }
    const kinds = (await recentAccountEvents(account.id, 50)).map((event) => event.kind);
    expect(kinds.filter((kind) => kind === "password-failed")).toHaveLength(SIGN_IN_DELAYS.freeFailures + 1);
    // Refused attempts cost nothing and have no cap: a row each would let anyone fill the trail.
    expect(kinds.filter((kind) => kind === "password-throttled")).toHaveLength(1);
  });

  it("from a browser with a genuine device cookie (another account's): the same statements, the device looked up for both", async () => {
    const browser = new Browser(server.base);
    const owner = await anAccount();
    const signedIn = await browser.post("/connexion/mot-de-passe", { email: owner.email, password: PASSWORD }, { "x-forwarded-for": anAddress() });
    expect(signedIn.headers.get("location")).toBe("/connexion/code");
    expect((await browser.post("/code", { code: owner.code(new Date()) })).status).toBe(200);
    expect(browser.jar.has(currentAuthCookies().device.name)).toBe(true);

    const other = await anAccount();
    const real = await statementsOf(() => refused(browser, other.email));
    const unknown = await statementsOf(() => refused(browser, nobody()));
    expect(unknown).toEqual(real);
    expect(real.some((text) => text.includes("FROM known_device"))).toBe(true);
  });

  it("a refusal without a password check is answered after the same floor, account or not", async () => {
    const { browser, account, stranger } = await bothWaiting();
    const timed = async (email: string) => {
      const started = performance.now();
      await refused(browser, email, PASSWORD);
      return performance.now() - started;
    };
    for (let i = 0; i < 5; i++) {
      // A timer may fire up to a millisecond early against performance.now(); the floor is 10 ms
      // and the path itself about 1 ms, so an answer under 8 ms would mean no floor was kept.
      expect(await timed(account.email)).toBeGreaterThanOrEqual(REFUSAL_FLOOR_MS - 2);
      expect(await timed(stranger)).toBeGreaterThanOrEqual(REFUSAL_FLOOR_MS - 2);
    }
  });
});
