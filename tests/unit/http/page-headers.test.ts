import type { IncomingMessage, ServerResponse } from "node:http";
import { describe, expect, it } from "vitest";
import { config as proxyConfig } from "@/proxy";
import { applyPageHeaders, PAGE_HEADERS_SOURCE } from "@/server/http/page-headers";
import { PAGE_HEADERS_APPLIED } from "@/server/http/security-headers";

/** A request and a response as the portal's server hands them to applyPageHeaders. */
function exchange(headers: Record<string, string> = {}) {
  const set = new Map<string, string>();
  const req = { headers: { ...headers } } as unknown as IncomingMessage;
  const res = { setHeader: (key: string, value: string) => set.set(key.toLowerCase(), value) } as unknown as ServerResponse;
  return { req, res, set };
}

describe("the page headers, set by the portal's server instead of Next's proxy", () => {
  it("cover exactly the paths of the proxy's matcher, which skips what the server marked", () => {
    const [matcher] = proxyConfig.matcher;
    expect(matcher!.source).toBe(PAGE_HEADERS_SOURCE);
    expect(matcher!.missing).toEqual([{ type: "header", key: PAGE_HEADERS_APPLIED }]);
  });

  it("put one fresh nonce on the request (for Next's scripts) and in the answer's policy", () => {
    const { req, res, set } = exchange();
    applyPageHeaders(req, res, "/espace/documents", { production: true });
    const nonce = req.headers["x-nonce"] as string;
    expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(req.headers["content-security-policy"]).toContain(`'nonce-${nonce}'`);
    expect(set.get("content-security-policy")).toBe(req.headers["content-security-policy"]);
    expect(req.headers[PAGE_HEADERS_APPLIED]).toBe("1");
    expect(set.get("cache-control")).toBe("no-store, max-age=0");
    expect(set.get("referrer-policy")).toBe("same-origin");
    expect(set.get("x-frame-options")).toBe("DENY");
    expect(set.get("strict-transport-security")).toContain("max-age=");
    const other = exchange();
    applyPageHeaders(other.req, other.res, "/espace/documents", { production: true });
    expect(other.req.headers["x-nonce"]).not.toBe(nonce);
  });

  it("send no referrer from the pharmacist's pages, and no HSTS outside production", () => {
    const { req, res, set } = exchange();
    applyPageHeaders(req, res, "/p/0b1c/ouvrir", { production: false, oidcIssuer: "https://idp.example/realm" });
    expect(set.get("referrer-policy")).toBe("no-referrer");
    expect(set.has("strict-transport-security")).toBe(false);
    expect(set.get("content-security-policy")).toContain("form-action 'self' https://idp.example");
  });

  it.each(["/_next/static/chunks/a.js", "/api/documents", "/api/messages", "/api/documents/0b1c/file", "/api/fhir/R4/Binary/0b1c", undefined])(
    "leave %s to its own headers, and never keep a client's mark",
    (path) => {
      const { req, res, set } = exchange({ [PAGE_HEADERS_APPLIED]: "1" });
      applyPageHeaders(req, res, path, { production: true });
      expect(set.size).toBe(0);
      expect(req.headers[PAGE_HEADERS_APPLIED]).toBeUndefined();
    },
  );
});
