import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { returnPathOf } from "@/lib/auth/return-path";

/**
 * The page a person is taken back to after signing in: a page of the portal's two spaces, and
 * never anything a crafted `?vers=` could turn into another site or another kind of address.
 */
describe("the return path after sign-in", () => {
  it.each([
    "/espace",
    "/espace/",
    "/espace/ordonnances/11000000-0000-4000-8000-000000000011",
    "/espace/documents?categorie=lab&page=2",
    "/pro/patients/0a000000-0000-4000-8000-000000000002/prevention",
  ])("keeps %s", (path) => {
    expect(returnPathOf(path)).toBe(path);
  });

  it.each([
    "//evil.example",
    "//evil.example/espace",
    "/\\evil.example",
    "https://evil.example/espace",
    "/espace//evil.example",
    "/espaces",
    "/espace/../connexion",
    "/espace/%2e%2e/connexion",
    "/espace/%2E%2E/api/fhir/R4/Patient",
    "/espace/./documents",
    "/espace/%0d%0aSet-Cookie:x",
    "/api/fhir/R4/Patient",
    "/connexion/suite",
    "/espace#fragment",
    "/espace/documents?q=<script>",
    " /espace",
    "/espace\n",
    "",
    "/",
  ])("refuses %j", (path) => {
    expect(returnPathOf(path)).toBeUndefined();
  });

  it("never gives anything but a path of /espace or /pro, with no second slash in a row, no scheme, no backslash, no white space", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.webUrl(), fc.webPath().map((p) => `/espace${p}`), fc.webPath().map((p) => `/pro${p}`), fc.constantFrom("/espace", "/pro")), (value) => {
        const kept = returnPathOf(value);
        if (kept === undefined) return;
        expect(kept).toBe(value);
        expect(kept).toMatch(/^\/(espace|pro)(\/|\?|$)/);
        expect(kept).not.toMatch(/\/\/|\\|\s|:|\.\.\/|#|</);
        const resolved = new URL(kept, "https://portail.example");
        expect(resolved.origin).toBe("https://portail.example");
        expect(resolved.pathname).toMatch(/^\/(espace|pro)(\/|$)/);
      }),
      { numRuns: 2000 },
    );
  });
});
