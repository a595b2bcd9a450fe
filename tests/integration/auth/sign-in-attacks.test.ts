import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as passwordStep } from "@/app/(auth)/connexion/mot-de-passe/route";
import { currentAuthCookies } from "@/server/auth/session-token";
import { completeSignIn } from "@/server/auth/complete-sign-in";
import { startSignIn } from "@/server/auth/start-sign-in";
import { SECOND_FACTOR_LIMITS } from "@/server/auth/throttle-policy";
import { recentAccountEvents } from "@/server/db/account-event-store";
import { useTestDatabase } from "../../setup/test-database";
import { anAccount, anAddress, PASSWORD } from "./helpers";
import { signInRoutes } from "./sign-in-routes";
import { Browser, startTestServer } from "./test-server";

// A database of its own: the per-address cap these tests reach is counted under the socket's
// address (127.0.0.1), which every file of the run that signs in over a socket shares. Another
// file's successful sign-in gives its hit back (refundRateLimit); landing during the rotating
// X-Forwarded-For test below, it left that test's last attempt under the cap once (a flake).
useTestDatabase({ fresh: true });

/**
 * SECURITY-CASES 12, 41, 42 over a real socket: the password step's route behind the same
 * address pinning as the portal's server, and the code step as next-auth's provider runs it.
 */
let server: Awaited<ReturnType<typeof startTestServer>>;
beforeAll(async () => {
  server = await startTestServer({
    ...signInRoutes,
  });
});
afterAll(() => server.close());

async function signInFully(browser: Browser, account: Awaited<ReturnType<typeof anAccount>>) {
  const password = await browser.post("/connexion/mot-de-passe", { email: account.email, password: PASSWORD });
  expect(password.headers.get("location")).toBe("/connexion/code");
  const code = await browser.post("/code", { code: account.code(new Date()) });
  expect(code.status).toBe(200);
}

describe("a stranger cannot keep the owner out (case 41)", () => {
  it("thirty wrong passwords from many forged addresses, then the owner signs in at once from her usual browser", async () => {
    const camille = await anAccount();
    const usual = new Browser(server.base);
    await signInFully(usual, camille);
    expect(usual.jar.has(currentAuthCookies().device.name)).toBe(true);

    const stranger = new Browser(server.base);
    for (let i = 0; i < 30; i++) {
      const answer = await stranger.post("/connexion/mot-de-passe", { email: camille.email, password: `guess-${i}` }, { "x-forwarded-for": anAddress() });
      expect(answer.headers.get("location")).toBe("/connexion?erreur=identifiants");
    }
    // The stranger is stopped, right password or not: unknown browsers share a small cap.
    const strangerRight = await stranger.post("/connexion/mot-de-passe", { email: camille.email, password: PASSWORD });
    expect(strangerRight.headers.get("location")).toBe("/connexion?erreur=identifiants");

    const owner = await usual.post("/connexion/mot-de-passe", { email: camille.email, password: PASSWORD });
    expect(owner.headers.get("location")).toBe("/connexion/code");

    const trail = await recentAccountEvents(camille.id, 100);
    expect(trail.filter((event) => event.kind === "password-failed").length).toBeGreaterThanOrEqual(5);
    expect(trail.filter((event) => event.kind === "password-throttled").length).toBeGreaterThan(0);
  });

  it("a forged device cookie counts as an unknown browser", async () => {
    const account = await anAccount();
    const forger = new Browser(server.base);
    forger.jar.set(currentAuthCookies().device.name, "bm90LWEtcmVhbC1pZA.bm90LWEtc2lnbmF0dXJl");
    for (let i = 0; i < 12; i++) await forger.post("/connexion/mot-de-passe", { email: account.email, password: `guess-${i}` });
    const right = await forger.post("/connexion/mot-de-passe", { email: account.email, password: PASSWORD });
    expect(right.headers.get("location")).toBe("/connexion?erreur=identifiants");
  });

  it("counts failures, not attempts: right passwords from a new browser do not use up its tries", async () => {
    const account = await anAccount();
    const address = anAddress();
    const now = new Date();
    for (let i = 0; i < 8; i++) expect((await startSignIn({ email: account.email, password: PASSWORD, address, now })).ok).toBe(true);
    for (let i = 0; i < 4; i++) await startSignIn({ email: account.email, password: "wrong", address, now });
    expect((await startSignIn({ email: account.email, password: PASSWORD, address, now })).ok).toBe(true);
  });
});

describe("the client's address (case 41)", () => {
  it("ignores X-Forwarded-For without trusted hops: rotating it does not escape the per-address cap", async () => {
    // From a loopback address of its own: the cap is per socket address, and other files sign in
    // from 127.0.0.1 meanwhile (their right passwords took attempts back from that count).
    const browser = new Browser(server.base, undefined, `127.${1 + Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 256)}.${1 + Math.floor(Math.random() * 250)}`);
    for (let i = 0; i < 20; i++) {
      await browser.post("/connexion/mot-de-passe", { email: `nobody-${i}-${Math.random()}@example.org`, password: "Azerty123!" }, { "x-forwarded-for": anAddress() });
    }
    const account = await anAccount();
    const answer = await browser.post("/connexion/mot-de-passe", { email: account.email, password: PASSWORD }, { "x-forwarded-for": anAddress() });
    expect(answer.headers.get("location")).toBe("/connexion?erreur=identifiants");
  });

  it("with one trusted hop, takes the entry the proxy appended", async () => {
    const proxied = await startTestServer({ "/connexion/mot-de-passe": passwordStep }, 1);
    try {
      const browser = new Browser(proxied.base);
      // Each request seems to come from another client, as a proxy would say: no per-address cap hit.
      for (let i = 0; i < 25; i++) {
        await browser.post("/connexion/mot-de-passe", { email: `nobody-${i}-${Math.random()}@example.org`, password: "Azerty123!" }, { "x-forwarded-for": `1.1.1.1, ${anAddress()}` });
      }
      const account = await anAccount();
      const answer = await browser.post("/connexion/mot-de-passe", { email: account.email, password: PASSWORD }, { "x-forwarded-for": `1.1.1.1, ${anAddress()}` });
      expect(answer.headers.get("location")).toBe("/connexion/code");
    } finally {
      await proxied.close();
    }
  });
});

describe("second-factor codes guessed across many challenges (case 42)", () => {
  it("caps wrong codes per account across challenges, pauses the second step, tells the owner", async () => {
    const account = await anAccount();
    const now = new Date();
    const wrong = (account.code(now) === "000000" ? "111111" : "000000");
    const answers: string[] = [];
    // A fresh challenge every few codes: the per-challenge limit alone would never stop this.
    for (let i = 0; i < 8; i++) {
      const started = await startSignIn({ email: account.email, password: PASSWORD, address: anAddress(), now });
      if (!started.ok) throw new Error("password refused");
      for (let j = 0; j < 3; j++) {
        const result = await completeSignIn({ challengeId: started.challengeId, code: wrong, now, userAgent: "attacker" });
        answers.push(result.ok ? "ok" : result.reason);
      }
    }
    expect(answers.filter((a) => a === "code")).toHaveLength(SECOND_FACTOR_LIMITS.failures);
    expect(answers.slice(SECOND_FACTOR_LIMITS.failures).every((a) => a === "paused")).toBe(true);

    // Even the right code waits until the pause ends.
    const again = await startSignIn({ email: account.email, password: PASSWORD, address: anAddress(), now });
    if (!again.ok) throw new Error("password refused");
    expect(await completeSignIn({ challengeId: again.challengeId, code: account.code(now), now, userAgent: "owner" })).toEqual({ ok: false, reason: "paused" });
    const later = new Date(now.getTime() + SECOND_FACTOR_LIMITS.pauseMs + 1000);
    const afterPause = await startSignIn({ email: account.email, password: PASSWORD, address: anAddress(), now: later });
    if (!afterPause.ok) throw new Error("password refused");
    expect((await completeSignIn({ challengeId: afterPause.challengeId, code: account.code(later), now: later, userAgent: "owner" })).ok).toBe(true);

    const kinds = (await recentAccountEvents(account.id, 100)).map((event) => event.kind);
    expect(kinds.filter((kind) => kind === "code-failed")).toHaveLength(SECOND_FACTOR_LIMITS.failures);
    expect(kinds).toContain("second-factor-paused");
  });
});
