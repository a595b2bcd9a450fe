import { describe, expect, it } from "vitest";
import { SIGN_IN_LIMITS, signInThrottleKeys } from "@/server/auth/throttle-policy";

describe("sign-in throttling policy", () => {
  it("stops guessing from one place before ten attempts", () => {
    expect(SIGN_IN_LIMITS.accountAndAddress).toBeLessThan(10);
  });

  it("keeps the account-wide window wider than one address's, so one attacker cannot lock the owner out", () => {
    expect(SIGN_IN_LIMITS.account).toBeGreaterThan(SIGN_IN_LIMITS.accountAndAddress);
    expect(SIGN_IN_LIMITS.account).toBeGreaterThan(SIGN_IN_LIMITS.address);
  });

  it("uses a fixed 15-minute window", () => {
    expect(SIGN_IN_LIMITS.windowMs).toBe(15 * 60 * 1000);
  });

  it("counts an account, an address and the pair under separate keys", () => {
    const a = signInThrottleKeys("hash-a", "10.0.0.1");
    const b = signInThrottleKeys("hash-b", "10.0.0.1");
    const c = signInThrottleKeys("hash-a", "10.0.0.2");
    expect(new Set(Object.values(a)).size).toBe(3);
    expect(a.address).toBe(b.address);
    expect(a.account).toBe(c.account);
    expect(a.accountAndAddress).not.toBe(b.accountAndAddress);
    expect(a.accountAndAddress).not.toBe(c.accountAndAddress);
  });
});
