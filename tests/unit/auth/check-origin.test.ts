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

  it("answers 403 to a refused route handler request and nothing otherwise", async () => {
    const foreign = new Request(`${APP_URL}/api/x`, { method: "POST", headers: { origin: "https://evil.example" } });
    const refused = refuseCrossSite(foreign, APP_URL);
    expect(refused?.status).toBe(403);
    const own = new Request(`${APP_URL}/api/x`, { method: "POST", headers: { origin: APP_URL } });
    expect(refuseCrossSite(own, APP_URL)).toBeUndefined();
  });
});
