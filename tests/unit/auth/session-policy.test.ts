import { describe, expect, it } from "vitest";
import { ABSOLUTE_TIMEOUT_MS, IDLE_TIMEOUT_MS, sessionProblem, type SessionFacts } from "@/server/auth/session-policy";

const start = new Date("2026-03-01T08:00:00Z");
const minutes = (n: number) => n * 60_000;
const later = (ms: number) => new Date(start.getTime() + ms);

function session(overrides: Partial<SessionFacts> = {}): SessionFacts {
  return {
    createdAt: start,
    lastSeenAt: start,
    revokedAt: null,
    securityStamp: 3,
    account: { disabled: false, securityStamp: 3 },
    ...overrides,
  };
}

describe("when a session stops counting", () => {
  it("holds right after sign-in", () => {
    expect(sessionProblem(session(), start)).toBeUndefined();
  });

  it("ends after 30 minutes without a request, not before", () => {
    expect(IDLE_TIMEOUT_MS).toBe(minutes(30));
    expect(sessionProblem(session(), later(minutes(30)))).toBeUndefined();
    expect(sessionProblem(session(), later(minutes(30) + 1))).toBe("idle");
  });

  it("ends 12 hours after sign-in even when used all along", () => {
    expect(ABSOLUTE_TIMEOUT_MS).toBe(minutes(12 * 60));
    const busy = session({ lastSeenAt: later(minutes(12 * 60)) });
    expect(sessionProblem(busy, later(minutes(12 * 60)))).toBeUndefined();
    expect(sessionProblem(busy, later(minutes(12 * 60) + 1))).toBe("expired");
  });

  it("ends when revoked, when the account is disabled, or when its security stamp moved", () => {
    expect(sessionProblem(session({ revokedAt: start }), start)).toBe("revoked");
    expect(sessionProblem(session({ account: { disabled: true, securityStamp: 3 } }), start)).toBe("disabled");
    expect(sessionProblem(session({ account: { disabled: false, securityStamp: 4 } }), start)).toBe("stamp-changed");
  });
});
