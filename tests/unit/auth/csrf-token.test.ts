import { createRequire } from "node:module";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { csrfTokenFromCookie, newCsrfToken } from "@/server/auth/csrf-token";

// next-auth's own check, loaded from its file (its package exports do not list it).
type CreateCsrfToken = (params: { options: { secret: string }; cookieValue?: string; isPost: boolean; bodyValue?: string }) => {
  csrfTokenVerified?: boolean;
};
const { createCSRFToken } = createRequire(import.meta.url)(
  path.resolve("node_modules/next-auth/core/lib/csrf-token.js"),
) as { createCSRFToken: CreateCsrfToken };

const SECRET = "a-secret-of-at-least-thirty-two-characters";

describe("next-auth CSRF token issued by the password step", () => {
  it("is accepted by next-auth itself when the form posts the same token", () => {
    const { token, cookieValue } = newCsrfToken(SECRET);
    const options = { secret: SECRET };
    expect(createCSRFToken({ options, cookieValue, isPost: true, bodyValue: token })).toMatchObject({ csrfTokenVerified: true });
    expect(createCSRFToken({ options, cookieValue, isPost: true, bodyValue: "other" })).toMatchObject({ csrfTokenVerified: false });
  });

  it("is read back by the code page, and a forged or foreign cookie gives nothing", () => {
    const { token, cookieValue } = newCsrfToken(SECRET);
    expect(csrfTokenFromCookie(cookieValue, SECRET)).toBe(token);
    expect(csrfTokenFromCookie(cookieValue, "another-secret-of-thirty-two-characters!")).toBeUndefined();
    expect(csrfTokenFromCookie(`${token}|${"0".repeat(64)}`, SECRET)).toBeUndefined();
    expect(csrfTokenFromCookie(token, SECRET)).toBeUndefined();
    expect(csrfTokenFromCookie(undefined, SECRET)).toBeUndefined();
  });

  it("is new every time", () => {
    expect(newCsrfToken(SECRET).token).not.toBe(newCsrfToken(SECRET).token);
  });
});
