import { describe, expect, it } from "vitest";
import {
  contentSecurityPolicy,
  newNonce,
  referrerPolicyFor,
  staticSecurityHeaders,
  transportSecurityHeaders,
} from "@/server/http/security-headers";

const directive = (csp: string, name: string) =>
  csp
    .split(";")
    .map((part) => part.trim())
    .find((part) => part.split(" ")[0] === name);

describe("content security policy", () => {
  const csp = contentSecurityPolicy({ nonce: "abc123", dev: false, production: false });

  it("lets scripts run only with the request's nonce, never inline", () => {
    const scripts = directive(csp, "script-src");
    expect(scripts).toContain("'nonce-abc123'");
    expect(scripts).toContain("'strict-dynamic'");
    expect(scripts).not.toContain("'unsafe-inline'");
    expect(scripts).not.toContain("'unsafe-eval'");
  });

  it("refuses framing, plugins, foreign form targets and base rewriting", () => {
    expect(directive(csp, "frame-ancestors")).toBe("frame-ancestors 'none'");
    expect(directive(csp, "object-src")).toBe("object-src 'none'");
    expect(directive(csp, "form-action")).toBe("form-action 'self'");
    expect(directive(csp, "base-uri")).toBe("base-uri 'none'");
  });

  it("adds eval only for next dev, and the OpenID provider to form targets when configured", () => {
    const dev = contentSecurityPolicy({ nonce: "n", dev: true, production: false });
    expect(directive(dev, "script-src")).toContain("'unsafe-eval'");
    expect(directive(dev, "script-src")).not.toContain("'unsafe-inline'");
    const oidc = contentSecurityPolicy({ nonce: "n", dev: false, production: true, formActionOrigins: ["https://idp.example"] });
    expect(directive(oidc, "form-action")).toBe("form-action 'self' https://idp.example");
  });

  it("upgrades insecure requests and pins HTTPS only in production", () => {
    expect(directive(csp, "upgrade-insecure-requests")).toBeUndefined();
    expect(directive(contentSecurityPolicy({ nonce: "n", dev: false, production: true }), "upgrade-insecure-requests")).toBeDefined();
    expect(transportSecurityHeaders(false)).toEqual({});
    expect(transportSecurityHeaders(true)["Strict-Transport-Security"]).toMatch(/max-age=\d{8,}/);
  });

  it("draws a fresh 128-bit nonce every time", () => {
    const nonces = new Set(Array.from({ length: 1000 }, () => newNonce()));
    expect(nonces.size).toBe(1000);
    for (const nonce of nonces) expect(Buffer.from(nonce, "base64")).toHaveLength(16);
    // Drawn from a pool of random bytes, 256 nonces a fill: one nonce's bytes are never the next
    // one's, across fills too. Pools that overlapped by k bytes would match in every pair; by
    // chance, k = 1 matches in about 4 pairs of 999, and longer overlaps in none.
    const drawn = [...nonces].map((nonce) => Buffer.from(nonce, "base64"));
    for (let overlap = 1; overlap < 16; overlap++) {
      let matches = 0;
      for (let i = 1; i < drawn.length; i++) if (drawn[i - 1]!.subarray(16 - overlap).equals(drawn[i]!.subarray(0, overlap))) matches++;
      expect(matches, `pairs sharing ${overlap} bytes`).toBeLessThan(50);
    }
  });
});

describe("static security headers", () => {
  it("send no referrer off the site, no sniffing, no framing and no powerful features", () => {
    const headers = staticSecurityHeaders();
    // same-origin, not no-referrer: our own form posts keep their Origin (browsers without Sec-Fetch-Site).
    expect(headers["Referrer-Policy"]).toBe("same-origin");
    expect(headers["X-Content-Type-Options"]).toBe("nosniff");
    expect(headers["X-Frame-Options"]).toBe("DENY");
    expect(headers["Permissions-Policy"]).toContain("camera=()");
    expect(headers["Permissions-Policy"]).toContain("geolocation=()");
  });
});

describe("referrer policy by page", () => {
  it.each([
    ["/", "same-origin"],
    ["/connexion", "same-origin"],
    ["/espace/documents/ajouter", "same-origin"],
    ["/espace/ordonnances/3f1c/imprimer", "same-origin"],
    ["/pro/patients/3f1c", "same-origin"],
    ["/presentation", "same-origin"],
    // The pharmacist's pages (reached with the key in the fragment) and the page that shows a new link.
    ["/p", "no-referrer"],
    ["/p/3f1c", "no-referrer"],
    ["/p/3f1c/ouvrir", "no-referrer"],
    ["/p/3f1c/termine", "no-referrer"],
    ["/espace/ordonnances/3f1c/lien", "no-referrer"],
    ["/espace/ordonnances/3f1c/lien/", "no-referrer"],
  ] as const)("%s: %s", (path, policy) => {
    expect(referrerPolicyFor(path)).toBe(policy);
  });
});
