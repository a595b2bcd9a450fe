import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { currentAuthCookies } from "@/server/auth/session-token";
import { startSignIn } from "@/server/auth/start-sign-in";
import { SIGN_IN_DELAYS } from "@/server/auth/throttle-policy";
import { recentAccountEvents } from "@/server/db/account-event-store";
import { useTestDatabase } from "../../setup/test-database";
import { anAccount, anAddress, at, PASSWORD } from "./helpers";
import { signInRoutes } from "./sign-in-routes";
import { Browser, startTestServer } from "./test-server";


useTestDatabase();

/**
 * Growing delays (issue 11, "guessing is slowed per account and per address"): through the
 * password step's route on a server that trusts one proxy hop, so every forged X-Forwarded-For
 * is a distinct client, the worst case for a per-address rule; and with a controlled clock
 * through startSignIn, to see the delays grow.
 */
let server: Awaited<ReturnType<typeof startTestServer>>;
beforeAll(async () => {
  server = await startTestServer(signInRoutes, 1);
});
afterAll(() => server.close());

const proxied = () => ({ "x-forwarded-for": `203.0.113.7, ${anAddress()}` });

describe("a stranger's failures slow strangers, never the owner's known browser", () => {
  it("thirty failures from thirty forged addresses: strangers are slowed, the owner's usual browser signs in at once", async () => {
    const camille = await anAccount();
    const usual = new Browser(server.base);
    const first = await usual.post("/connexion/mot-de-passe", { email: camille.email, password: PASSWORD }, proxied());
    expect(first.headers.get("location")).toBe("/connexion/code");
    expect((await usual.post("/code", { code: camille.code(new Date()) })).status).toBe(200);
    expect(usual.jar.has(currentAuthCookies().device.name)).toBe(true);

    for (let i = 0; i < 30; i++) {
      const stranger = new Browser(server.base);
      const answer = await stranger.post("/connexion/mot-de-passe", { email: camille.email, password: `guess-${i}` }, proxied());
      expect(answer.headers.get("location")).toBe("/connexion?erreur=identifiants");
    }
    // The strangers met the delays: tries refused before any check (how long they wait is
    // shown below with a controlled clock; over real time it depends on the machine's pace).
    const trail = await recentAccountEvents(camille.id, 100);
    expect(trail.filter((event) => event.kind === "password-throttled").length).toBeGreaterThan(0);
    expect(trail.filter((event) => event.kind === "password-failed").length).toBeLessThan(30);

    // At once: a delayed attempt is refused, not held, so passing now means no delay applied.
    const owner = await usual.post("/connexion/mot-de-passe", { email: camille.email, password: PASSWORD }, proxied());
    expect(owner.headers.get("location")).toBe("/connexion/code");
  });
});

describe("the delays grow with each failure", () => {
  it("per account, over changing addresses: 2 s, then 4 s, then 8 s before the next try is even checked", async () => {
    const account = await anAccount();
    const t0 = new Date();
    let t = t0;
    for (let i = 0; i < SIGN_IN_DELAYS.freeFailures; i++) {
      expect((await startSignIn({ email: account.email, password: `guess-${i}`, address: anAddress(), now: t })).ok).toBe(false);
    }
    // The allowance is free: the right password still passes at once.
    expect((await startSignIn({ email: account.email, password: PASSWORD, address: anAddress(), now: t })).ok).toBe(true);
    expect((await startSignIn({ email: account.email, password: "guess-5", address: anAddress(), now: t })).ok).toBe(false);

    for (const wait of [2_000, 4_000, 8_000]) {
      // Just before the delay is over, the right password is refused without being checked…
      expect((await startSignIn({ email: account.email, password: PASSWORD, address: anAddress(), now: at(t, wait - 100) })).ok).toBe(false);
      // …once it is over, a try is checked again (a wrong one lengthens the next delay).
      t = at(t, wait + 100);
      expect((await startSignIn({ email: account.email, password: "guess-again", address: anAddress(), now: t })).ok).toBe(false);
    }
    expect((await startSignIn({ email: account.email, password: PASSWORD, address: anAddress(), now: at(t, 16_000 - 100) })).ok).toBe(false);
    expect((await startSignIn({ email: account.email, password: PASSWORD, address: anAddress(), now: at(t, 16_000 + 100) })).ok).toBe(true);
  });

  it("per address, over many accounts, known or not: the same delays, so they tell nothing about who has an account", async () => {
    const address = anAddress();
    const t = new Date();
    for (let i = 0; i <= SIGN_IN_DELAYS.freeFailures; i++) {
      await startSignIn({ email: `nobody-${i}-${Math.random()}@example.org`, password: "Azerty123!", address, now: t });
    }
    const real = await anAccount();
    expect((await startSignIn({ email: real.email, password: PASSWORD, address, now: at(t, 1_000) })).ok).toBe(false);
    expect((await startSignIn({ email: real.email, password: PASSWORD, address, now: at(t, 2_100) })).ok).toBe(true);
  });

  it("forgets a streak after a quiet hour", async () => {
    const account = await anAccount();
    const address = anAddress();
    const t = new Date();
    for (let i = 0; i < SIGN_IN_DELAYS.freeFailures + 3; i++) {
      await startSignIn({ email: account.email, password: `guess-${i}`, address: anAddress(), now: at(t, i * 60_000) });
    }
    const quiet = at(t, (SIGN_IN_DELAYS.freeFailures + 2) * 60_000 + SIGN_IN_DELAYS.forgetMs + 1_000);
    for (let i = 0; i < SIGN_IN_DELAYS.freeFailures; i++) {
      await startSignIn({ email: account.email, password: `again-${i}`, address: anAddress(), now: quiet });
    }
    // Four new failures after the quiet hour are within the allowance again.
    expect((await startSignIn({ email: account.email, password: PASSWORD, address, now: quiet })).ok).toBe(true);
  });
});
