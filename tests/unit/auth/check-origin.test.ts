import { describe, expect, it } from "vitest";
import { checkOrigin, refuseCrossSite } from "@/server/http/check-origin";

const APP_URL = "https://sante.example.fr";
const headers = (values: Record<string, string>) => new Headers(values);

describe("cross-site request refusal", () => {
  it("accepts the app's own origin", () => {
    expect(checkOrigin(headers({ origin: APP_URL, host: "sante.example.fr" }), APP_URL)).toEqual({ ok: true });
  });

  it("accepts the host the request was sent to (the app reached by another name)", () => {
    expect(checkOrigin(headers({ origin: "http://10.0.0.5:3000", host: "10.0.0.5:3000" }), APP_URL)).toEqual({ ok: true });
  });

  it("refuses a missing, opaque or unparsable Origin", () => {
    expect(checkOrigin(headers({ host: "sante.example.fr" }), APP_URL)).toEqual({ ok: false, reason: "missing" });
    expect(checkOrigin(headers({ origin: "null", host: "sante.example.fr" }), APP_URL)).toEqual({ ok: false, reason: "missing" });
    expect(checkOrigin(headers({ origin: "::::", host: "sante.example.fr" }), APP_URL)).toEqual({ ok: false, reason: "foreign" });
  });

  it("refuses another site, a sibling subdomain and another port", () => {
    for (const origin of ["https://evil.example", "https://evil.sante.example.fr", "https://sante.example.fr:8443", "https://sante.example.fr.evil.example"]) {
      expect(checkOrigin(headers({ origin, host: "sante.example.fr" }), APP_URL).ok).toBe(false);
    }
  });

  it("accepts the null Origin of a plain form under no-referrer only when the browser says same-origin", () => {
    const host = "sante.example.fr";
    expect(checkOrigin(headers({ origin: "null", "sec-fetch-site": "same-origin", host }), APP_URL)).toEqual({ ok: true });
    expect(checkOrigin(headers({ "sec-fetch-site": "same-origin", host }), APP_URL)).toEqual({ ok: true });
    for (const site of ["cross-site", "same-site", "none"]) {
      expect(checkOrigin(headers({ origin: "null", "sec-fetch-site": site, host }), APP_URL).ok).toBe(false);
    }
  });

  it.each([
    // Browsers without Fetch Metadata (Safari before 16.4): the Origin alone decides.
    ["http://127.0.0.1:4000", "127.0.0.1:4000", true],
    ["http://localhost:3000", "localhost:3000", true],
    [APP_URL, "sante.example.fr", true],
    ["http://127.0.0.1:4001", "127.0.0.1:4000", false],
    ["http://localhost:4000", "127.0.0.1:4000", false],
    ["https://evil.example", "127.0.0.1:4000", false],
    ["null", "127.0.0.1:4000", false],
  ] as const)("with no Sec-Fetch-Site, Origin %s on Host %s: accepted %s", (origin, host, accepted) => {
    expect(checkOrigin(headers({ origin, host }), APP_URL).ok).toBe(accepted);
  });

  it("trusts the browser's Fetch Metadata over a matching Origin", () => {
    expect(checkOrigin(headers({ origin: APP_URL, "sec-fetch-site": "cross-site", host: "sante.example.fr" }), APP_URL).ok).toBe(false);
  });

  it("answers 403 to a refused route handler request and nothing otherwise", async () => {
    const foreign = new Request(`${APP_URL}/api/x`, { method: "POST", headers: { origin: "https://evil.example" } });
    const refused = refuseCrossSite(foreign, APP_URL);
    expect(refused?.status).toBe(403);
    const own = new Request(`${APP_URL}/api/x`, { method: "POST", headers: { origin: APP_URL } });
    expect(refuseCrossSite(own, APP_URL)).toBeUndefined();
  });
});
