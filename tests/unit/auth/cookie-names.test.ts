import { describe, expect, it } from "vitest";
import { authCookies } from "@/server/auth/cookie-names";

describe("sign-in cookies", () => {
  it("take the __Host- prefix in production, with what browsers require for it", () => {
    for (const spec of Object.values(authCookies(true))) {
      expect(spec.name.startsWith("__Host-")).toBe(true);
      expect(spec.options).toMatchObject({ secure: true, path: "/", httpOnly: true, sameSite: "lax" });
      expect(spec.options).not.toHaveProperty("domain");
    }
  });

  it("have plain names without Secure elsewhere (http://localhost demos and tests)", () => {
    for (const spec of Object.values(authCookies(false))) {
      expect(spec.name.startsWith("__Host-")).toBe(false);
      expect(spec.name.startsWith("__Secure-")).toBe(false);
      expect(spec.options).toMatchObject({ secure: false, path: "/", httpOnly: true, sameSite: "lax" });
    }
  });

  it("give every cookie its own name", () => {
    for (const production of [true, false]) {
      const names = Object.values(authCookies(production)).map((spec) => spec.name);
      expect(new Set(names).size).toBe(names.length);
    }
  });

  it("let the pending sign-in live five minutes and the session cookie last the session", () => {
    const cookies = authCookies(false);
    expect(cookies.challenge.options.maxAge).toBe(300);
    expect(cookies.sessionToken.options.maxAge).toBeUndefined();
  });
});
