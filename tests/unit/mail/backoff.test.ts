import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { BASE_DELAY_MS, isPermanent, MAX_ATTEMPTS, MAX_DELAY_MS, retryDelay } from "@/server/mail/backoff";

describe("retryDelay", () => {
  it.each([
    [1, false, BASE_DELAY_MS],
    [2, false, 2 * BASE_DELAY_MS],
    [3, false, 4 * BASE_DELAY_MS],
    [11, false, MAX_DELAY_MS],
    [MAX_ATTEMPTS, false, undefined],
    [1, true, undefined],
  ])("after %i failed attempt(s), permanent=%s: %s ms", (attempts, permanent, expected) => {
    expect(retryDelay(attempts, permanent)).toBe(expected);
  });

  it("never waits less than the last time, nor past the cap and a quarter, whatever the jitter", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: MAX_ATTEMPTS - 2 }), fc.double({ min: 0, max: 0.999, noNaN: true }), (attempts, jitter) => {
        const now = retryDelay(attempts, false, jitter)!;
        expect(now).toBeGreaterThanOrEqual(retryDelay(attempts, false, 0)!);
        expect(now).toBeLessThanOrEqual(MAX_DELAY_MS * 1.25);
        expect(retryDelay(attempts + 1, false, 0)!).toBeGreaterThanOrEqual(retryDelay(attempts, false, 0)!);
      }),
    );
  });
});

describe("isPermanent", () => {
  it.each([
    [{ responseCode: 550 }, true],
    [{ responseCode: 553 }, true],
    [{ responseCode: 421 }, false],
    [{ responseCode: 535 }, false],
    [new Error("ECONNREFUSED"), false],
    [null, false],
  ])("%j → %s", (error, expected) => {
    expect(isPermanent(error)).toBe(expected);
  });
});
