import { encode } from "next-auth/jwt";
import { afterEach, describe, expect, it, vi } from "vitest";
import { sessionIdFromToken } from "@/server/auth/session-token";
import { secrets } from "@/server/secrets";

/**
 * The session cookie's value opens to the server session id only when genuine and unexpired,
 * including when the same value was opened before (session-token.ts remembers opened cookies).
 */
const seal = (sid: string, maxAge: number) => encode({ token: { sid }, secret: secrets().authSecret, maxAge });

afterEach(() => vi.useRealTimers());

describe("sessionIdFromToken", () => {
  it("opens a genuine cookie, again and again, to its session id", async () => {
    const token = await seal("session-a", 3600);
    expect(await sessionIdFromToken(token)).toBe("session-a");
    expect(await sessionIdFromToken(token)).toBe("session-a");
  });

  it("refuses a cookie altered by one character, even once the genuine one was opened", async () => {
    const token = await seal("session-b", 3600);
    expect(await sessionIdFromToken(token)).toBe("session-b");
    const at = token.length - 5;
    const altered = token.slice(0, at) + (token[at] === "A" ? "B" : "A") + token.slice(at + 1);
    expect(await sessionIdFromToken(altered)).toBeUndefined();
    expect(await sessionIdFromToken(`${token}x`)).toBeUndefined();
  });

  it("refuses a cookie sealed with another secret, an expired one, and nothing at all", async () => {
    const foreign = await encode({ token: { sid: "session-c" }, secret: "another-secret-of-32-characters!!", maxAge: 3600 });
    expect(await sessionIdFromToken(foreign)).toBeUndefined();
    expect(await sessionIdFromToken(await seal("session-d", -120))).toBeUndefined();
    expect(await sessionIdFromToken(undefined)).toBeUndefined();
    expect(await sessionIdFromToken("")).toBeUndefined();
  });

  it("stops opening a remembered cookie once the expiry sealed in it has passed", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2026-11-23T10:00:00Z"));
    const token = await seal("session-e", 60);
    expect(await sessionIdFromToken(token)).toBe("session-e");
    vi.setSystemTime(new Date("2026-11-23T10:05:00Z"));
    expect(await sessionIdFromToken(token)).toBeUndefined();
  });
});
