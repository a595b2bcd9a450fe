import { describe, expect, it } from "vitest";
import { changePassword } from "@/server/auth/change-password";
import { checkSession } from "@/server/auth/check-session";
import { completeSignIn } from "@/server/auth/complete-sign-in";
import { signOut } from "@/server/auth/sign-out";
import { startSignIn } from "@/server/auth/start-sign-in";
import { newTotpSecret } from "@/server/auth/totp";
import { setAccountDisabled, setTotpSecret } from "@/server/db/account-store";
import { findSession } from "@/server/db/session-store";
import { useTestDatabase } from "../../setup/test-database";
import { anAccount, anAddress, at, MINUTE, PASSWORD } from "./helpers";

useTestDatabase();

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
    const stolen = await signIn(account, now);
    const owner = await signIn(account, at(now, 30_000));
    const changed = await changePassword({
      accountId: account.id,
      sessionId: owner,
      currentPassword: PASSWORD,
      newPassword: "A-new-and-long-passphrase",
      now: at(now, 60_000),
    });
    expect(changed).toEqual({ ok: true });
    expect(await checkSession(stolen, at(now, 61_000))).toBeUndefined();
    expect(await checkSession(owner, at(now, 61_000))).toBeDefined();
    // The old password is gone, the new one works.
    expect(await startSignIn({ email: account.email, password: PASSWORD, address: anAddress(), now: at(now, 90_000) })).toEqual({ ok: false });
    await expect(signIn(account, at(now, 90_000), "A-new-and-long-passphrase")).resolves.toEqual(expect.any(String));
  });

  it("refuses a password change without the current password, or to a short one", async () => {
    const account = await anAccount();
    const now = new Date();
    const sessionId = await signIn(account, now);
    const base = { accountId: account.id, sessionId, now };
    expect(await changePassword({ ...base, currentPassword: "wrong", newPassword: "A-new-and-long-passphrase" })).toEqual({
      ok: false,
      reason: "current-password",
    });
    expect(await changePassword({ ...base, currentPassword: PASSWORD, newPassword: "short" })).toEqual({ ok: false, reason: "weak" });
    expect(await checkSession(sessionId, now)).toBeDefined();
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
