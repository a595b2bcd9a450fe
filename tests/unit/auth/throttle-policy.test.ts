import { describe, expect, it } from "vitest";
import { SECOND_FACTOR_LIMITS, SIGN_IN_LIMITS, signInThrottleRules } from "@/server/auth/throttle-policy";

describe("sign-in throttling policy", () => {
  it("stops guessing from one place before ten attempts", () => {
    expect(SIGN_IN_LIMITS.accountAndAddress).toBeLessThan(10);
  });

  it("gives unknown browsers a stricter shared cap than the owner's own browser has alone", () => {
    expect(SIGN_IN_LIMITS.account).toBeGreaterThan(SIGN_IN_LIMITS.accountAndAddress);
    expect(SIGN_IN_LIMITS.account).toBeLessThanOrEqual(SIGN_IN_LIMITS.knownDevice);
  });

  it("uses a fixed 15-minute window", () => {
    expect(SIGN_IN_LIMITS.windowMs).toBe(15 * 60 * 1000);
  });

  it.each([
    ["an unknown browser", undefined, 3],
    ["a browser the account knows", "device-hash", 1],
  ])("from %s, counts %s window(s)", (_label, device, windows) => {
    expect(signInThrottleRules("hash-a", "10.0.0.1", device)).toHaveLength(windows);
  });

  it("never shares a key between a known browser and strangers", () => {
    const strangers = signInThrottleRules("hash-a", "10.0.0.1", undefined).map((rule) => rule.key);
    const owner = signInThrottleRules("hash-a", "10.0.0.1", "device-hash").map((rule) => rule.key);
    expect(owner.filter((key) => strangers.includes(key))).toEqual([]);
  });

  it("counts an account, an address and the pair under separate keys", () => {
    const [pairA, accountA, addressA] = signInThrottleRules("hash-a", "10.0.0.1", undefined).map((rule) => rule.key);
    const [pairB, , addressB] = signInThrottleRules("hash-b", "10.0.0.1", undefined).map((rule) => rule.key);
    const [pairC, accountC] = signInThrottleRules("hash-a", "10.0.0.2", undefined).map((rule) => rule.key);
    expect(addressA).toBe(addressB);
    expect(accountA).toBe(accountC);
    expect(pairA).not.toBe(pairB);
    expect(pairA).not.toBe(pairC);
  });

  it("pauses the second step after a handful of wrong codes, not hundreds", () => {
    expect(SECOND_FACTOR_LIMITS.failures).toBeLessThanOrEqual(10);
    expect(SECOND_FACTOR_LIMITS.pauseMs).toBeGreaterThanOrEqual(SECOND_FACTOR_LIMITS.windowMs);
  });
});
