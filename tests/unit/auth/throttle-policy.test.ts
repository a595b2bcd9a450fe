import { describe, expect, it } from "vitest";
import { nextAttemptAt, SECOND_FACTOR_LIMITS, SIGN_IN_DELAYS, SIGN_IN_LIMITS, signInDelayKeys, signInDelayMs, signInThrottleRules } from "@/server/auth/throttle-policy";

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

describe("growing sign-in delays for browsers the account has never used", () => {
  const SECOND = 1000;
  it.each([
    [0, 0],
    [1, 0],
    [3, 0],
    [4, 0],
    [5, 2 * SECOND],
    [6, 4 * SECOND],
    [7, 8 * SECOND],
    [8, 16 * SECOND],
    [10, 64 * SECOND],
    [12, 256 * SECOND],
    [13, 512 * SECOND],
    [14, 15 * 60 * SECOND],
    [30, 15 * 60 * SECOND],
    [1_000, 15 * 60 * SECOND],
  ])("after %i failures in a row, waits %i ms", (failures, delay) => {
    expect(signInDelayMs(failures)).toBe(delay);
  });

  it("grows with every failure beyond the allowance until the cap, and never shrinks", () => {
    for (let n = SIGN_IN_DELAYS.freeFailures + 1; n < 40; n++) {
      expect(signInDelayMs(n + 1)).toBeGreaterThanOrEqual(signInDelayMs(n));
      expect(signInDelayMs(n + 1)).toBe(Math.min(2 * signInDelayMs(n), SIGN_IN_DELAYS.maxDelayMs));
    }
  });

  it("lets a person mistype below the per-address cap without ever waiting", () => {
    expect(SIGN_IN_DELAYS.freeFailures).toBeLessThan(SIGN_IN_LIMITS.accountAndAddress);
    expect(signInDelayMs(SIGN_IN_LIMITS.accountAndAddress - 1)).toBe(0);
  });

  it.each([
    ["an unknown browser", undefined, ["signin-delay:account:hash-a", "signin-delay:address:10.0.0.1"]],
    ["the owner's known browser", "device-hash", []],
  ])("from %s, is slowed by the account's and the address's streaks, or by none", (_label, device, keys) => {
    expect(signInDelayKeys("hash-a", "10.0.0.1", device)).toEqual(keys);
  });

  it("never shares a key with the fixed windows", () => {
    const windows = signInThrottleRules("hash-a", "10.0.0.1", undefined).map((rule) => rule.key);
    expect(signInDelayKeys("hash-a", "10.0.0.1", undefined).filter((key) => windows.includes(key))).toEqual([]);
  });

  const last = new Date("2026-12-01T10:00:00Z");
  it.each([
    ["no streak", undefined, undefined],
    ["a streak within the allowance", { failures: 4, lastFailureAt: last }, undefined],
    ["five failures", { failures: 5, lastFailureAt: last }, new Date("2026-12-01T10:00:02Z")],
    ["nine failures", { failures: 9, lastFailureAt: last }, new Date("2026-12-01T10:00:32Z")],
  ])("with %s, the next attempt waits for the right time", (_label, streak, expected) => {
    expect(nextAttemptAt(streak)).toEqual(expected);
  });
});
