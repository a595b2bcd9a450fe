import { describe, expect, it } from "vitest";
import { configHeaders, type HeaderRule } from "@/server/http/config-headers";

// As next.config.ts's headers() come out in the build's routes manifest.
const rules: HeaderRule[] = [
  {
    source: "/:path*",
    regex: "^(?:/((?:[^/]+?)(?:/(?:[^/]+?))*))?(?:/)?$",
    headers: [
      { key: "X-Frame-Options", value: "DENY" },
      { key: "Referrer-Policy", value: "same-origin" },
    ],
  },
  { source: "/p/:path*", regex: "^/p(?:/((?:[^/]+?)(?:/(?:[^/]+?))*))?(?:/)?$", headers: [{ key: "Referrer-Policy", value: "no-referrer" }] },
  {
    source: "/espace/ordonnances/:id/lien",
    regex: "^/espace/ordonnances(?:/([^/]+?))/lien(?:/)?$",
    headers: [{ key: "Referrer-Policy", value: "no-referrer" }],
  },
];

describe("next.config's headers for a path, applied as Next's router applies them", () => {
  const headersOf = configHeaders(rules)!;

  it.each([
    ["/espace/documents", "same-origin"],
    ["/p/abc", "no-referrer"],
    // Next matches its header rules case-insensitively (caseSensitive: false in the manifest).
    ["/P/abc", "no-referrer"],
    ["/espace/ordonnances/abc/lien", "no-referrer"],
    ["/espace/ordonnances/abc", "same-origin"],
  ])("%s: every rule that matches, the later one winning (Referrer-Policy %s)", (path, referrer) => {
    const headers = new Map(headersOf(path));
    expect(headers.get("X-Frame-Options")).toBe("DENY");
    expect(headers.get("Referrer-Policy")).toBe(referrer);
    expect(headersOf(path)).toHaveLength(2);
  });

  it("matches case-sensitively when the build says so", () => {
    const strict = configHeaders(rules, true)!;
    expect(new Map(strict("/P/abc")).get("Referrer-Policy")).toBe("same-origin");
  });

  it.each([
    ["a condition on a header", [{ ...rules[0]!, has: [{ type: "header", key: "x-a" }] }]],
    ["a condition on a missing cookie", [{ ...rules[0]!, missing: [{ type: "cookie", key: "a" }] }]],
    ["a value that names the path's parameter", [{ ...rules[1]!, headers: [{ key: "X-Link", value: "/p/:path*" }] }]],
  ] as [string, HeaderRule[]][])("refuses rules that need Next's own matching: %s", (_, refused) => {
    expect(configHeaders(refused)).toBeUndefined();
  });
});
