import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as changePasswordRoute } from "@/app/compte/mot-de-passe/route";
import { checkSession } from "@/server/auth/check-session";
import { completeSignIn } from "@/server/auth/complete-sign-in";
import { signOut } from "@/server/auth/sign-out";
import { startSignIn } from "@/server/auth/start-sign-in";
import { newTotpSecret } from "@/server/auth/totp";
import { setAccountDisabled, setTotpSecret } from "@/server/db/account-store";
import { findSession } from "@/server/db/session-store";
import { useTestDatabase } from "../../setup/test-database";
import { sessionCookie } from "../fhir-api/http";
import { anAccount, anAddress, at, MINUTE, PASSWORD } from "./helpers";
import { Browser, startTestServer } from "./test-server";

useTestDatabase();

let server: Awaited<ReturnType<typeof startTestServer>>;
beforeAll(async () => {
  server = await startTestServer({ "/compte/mot-de-passe": changePasswordRoute });
});
afterAll(() => server.close());

/** « Mon compte »'s password form, posted over HTTP from the browser of session `sessionId`; where it answers. */
async function changePassword(sessionId: string, form: Record<string, string>): Promise<string | null> {
  const browser = new Browser(server.base);
  const [name, value] = (await sessionCookie(sessionId)).split("=");
  browser.jar.set(name!, value!);
  return (await browser.post("/compte/mot-de-passe", form)).headers.get("location");
}

type TestAccount = Awaited<ReturnType<typeof anAccount>>;

/** Signs in with password and code at `now`; each call uses a later TOTP step than the last. */
async function signIn(account: TestAccount, now: Date, password = PASSWORD): Promise<string> {
  const started = await startSignIn({ email: account.email, password, address: anAddress(), now });
  if (!started.ok) throw new Error("password step refused");
  const done = await completeSignIn({ challengeId: started.challengeId, code: account.code(now), now, userAgent: "vitest" });
  if (!done.ok) throw new Error(`code step refused: ${done.reason}`);
  return done.sessionId;
}

describe("a session replayed after it ended", () => {
  it("no longer signs in after sign-out", async () => {
    const account = await anAccount();
    const now = new Date();
    const sessionId = await signIn(account, now);
    expect(await checkSession(sessionId, now)).toBeDefined();
    await signOut(sessionId, now);
    expect(await checkSession(sessionId, at(now, 1000))).toBeUndefined();
  });

  it("no longer signs in after a password change made elsewhere; the session that made it stays", async () => {
    const account = await anAccount();
    const now = new Date();
    const stolen = await signIn(account, at(now, -60_000));
    const owner = await signIn(account, at(now, -30_000));
    const newPassword = "Une-nouvelle-phrase-de-passe-assez-longue";
    expect(await changePassword(owner, { currentPassword: PASSWORD, newPassword, code: account.code(now) })).toBe("/espace/compte?ok=mot-de-passe");
    expect(await checkSession(stolen, at(now, 1000))).toBeUndefined();
    expect(await checkSession(owner, at(now, 1000))).toBeDefined();
    // The old password is gone, the new one works.
    expect(await startSignIn({ email: account.email, password: PASSWORD, address: anAddress(), now: at(now, 90_000) })).toEqual({ ok: false });
    await expect(signIn(account, at(now, 90_000), newPassword)).resolves.toEqual(expect.any(String));
  });

  it("refuses a password change without the current password, or to a weak one, and ends no session", async () => {
    const account = await anAccount();
    const now = new Date();
    const other = await signIn(account, at(now, -60_000));
    const sessionId = await signIn(account, at(now, -30_000));
    expect(await changePassword(sessionId, { currentPassword: "wrong", newPassword: "Une-nouvelle-phrase-de-passe-assez-longue", code: account.code(now) })).toBe(
      "/espace/compte?erreur=mot-de-passe-actuel",
    );
    expect(await changePassword(sessionId, { currentPassword: PASSWORD, newPassword: "short", code: account.code(now) })).toMatch(/erreur=mot-de-passe-(faible|longueur)$/);
    expect(await checkSession(sessionId, now)).toBeDefined();
    expect(await checkSession(other, now)).toBeDefined();
  });

  it("no longer signs in once the account is disabled", async () => {
    const account = await anAccount();
    const now = new Date();
    const sessionId = await signIn(account, now);
    await setAccountDisabled(account.id, true);
    expect(await checkSession(sessionId, now)).toBeUndefined();
    // Enabling the account again does not bring old sessions back: the stamp moved on.
    await setAccountDisabled(account.id, false);
    expect(await checkSession(sessionId, now)).toBeUndefined();
  });

  it("no longer signs in after the second factor is reset", async () => {
    const account = await anAccount();
    const now = new Date();
    const sessionId = await signIn(account, now);
    await setTotpSecret(account.id, newTotpSecret());
    expect(await checkSession(sessionId, now)).toBeUndefined();
  });

  it("does not sign in with an id that was never issued", async () => {
    expect(await checkSession("x".repeat(43), new Date())).toBeUndefined();
  });
});

describe("timeouts, on the server's clock", () => {
  it("ends a session left idle for more than 30 minutes", async () => {
    const account = await anAccount();
    const now = new Date();
    const sessionId = await signIn(account, now);
    expect(await checkSession(sessionId, at(now, 29 * MINUTE))).toBeDefined();
    // That request moved lastSeenAt: 29 more minutes are fine, 31 after it are not.
    expect(await checkSession(sessionId, at(now, 58 * MINUTE))).toBeDefined();
    expect(await checkSession(sessionId, at(now, (58 + 31) * MINUTE))).toBeUndefined();
  });

  it("ends a session 12 hours after sign-in however busy it is", async () => {
    const account = await anAccount();
    const now = new Date();
    const sessionId = await signIn(account, now);
    for (let minutes = 20; minutes <= 12 * 60; minutes += 20) {
      expect(await checkSession(sessionId, at(now, minutes * MINUTE)), `after ${minutes} min`).toBeDefined();
    }
    expect(await checkSession(sessionId, at(now, 12 * 60 * MINUTE + 1000))).toBeUndefined();
  });

  it("writes lastSeenAt at most once a minute", async () => {
    const account = await anAccount();
    const now = new Date();
    const sessionId = await signIn(account, now);
    await checkSession(sessionId, at(now, 30_000));
    expect((await findSession(sessionId))?.lastSeenAt).toEqual(now);
    await checkSession(sessionId, at(now, 61_000));
    expect((await findSession(sessionId))?.lastSeenAt).toEqual(at(now, 61_000));
  });
});
