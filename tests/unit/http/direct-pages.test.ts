import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it, vi } from "vitest";
import { directPages, type DirectPagesParts, type PageHandler } from "@/server/http/direct-pages";
import { PAGE_HEADERS_APPLIED } from "@/server/http/security-headers";

/**
 * The portal's server hands a page view straight to the page's entry point (its `handler`) when
 * the path names one; these drive that through a real HTTP server with stand-in entry points,
 * the way portal-server.ts wires it: the page headers are applied first (they mark the request),
 * then `pageOf` decides, else the request goes to "Next" (here a 418).
 */
let server: http.Server | undefined;

afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

async function serve(parts: Partial<DirectPagesParts> & Pick<DirectPagesParts, "load">, options: { mark?: boolean } = {}) {
  const pages = directPages({
    routes: { pageOf: (pathname) => (pathname === "/espace" ? "/espace" : pathname.startsWith("/doc/") ? "/doc/[id]" : undefined) },
    headers: () => [["X-Frame-Options", "DENY"]],
    renderError: async (_error, _req, res) => void res.end("page d'erreur"),
    log: () => {},
    ...parts,
  });
  server = http.createServer((req, res) => {
    if (options.mark !== false) req.headers[PAGE_HEADERS_APPLIED] = "1";
    const pathname = new URL(req.url ?? "/", "http://x").pathname;
    const view = pages.pageOf(req, pathname);
    if (view) void pages.serve(req, res, view);
    else res.writeHead(418).end("next");
  });
  await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const renders: PageHandler = async (req, res) => {
  res.setHeader("content-type", "text/html; charset=utf-8");
  res.end(`<p>${req.url}</p>`);
};

describe("page views served by the pages' entry points", () => {
  it("hands the page's view to its entry point with the config's headers, and loads each entry point once", async () => {
    const load = vi.fn(async () => renders);
    const base = await serve({ load });
    for (const path of ["/espace?onglet=1", "/espace"]) {
      const response = await fetch(base + path);
      expect(response.status).toBe(200);
      expect(response.headers.get("x-frame-options")).toBe("DENY");
      expect(await response.text()).toBe(`<p>${path}</p>`);
    }
    expect(load).toHaveBeenCalledTimes(1);
    expect(load).toHaveBeenCalledWith("/espace");
  });

  it.each([
    ["a POST", "/espace", { method: "POST", body: "a=1" }],
    ["a client-side navigation's data request", "/espace", { headers: { "x-nextjs-data": "1" } }],
    ["an App Router navigation's request", "/espace", { headers: { rsc: "1" } }],
    ["a path that is not a page", "/autre", {}],
  ] as [string, string, RequestInit][])("leaves %s to Next", async (_, path, init) => {
    const load = vi.fn(async () => renders);
    const base = await serve({ load });
    const response = await fetch(base + path, init);
    expect(response.status).toBe(418);
    expect(load).not.toHaveBeenCalled();
  });

  it("leaves to Next a request the page headers did not mark (Next then runs its proxy)", async () => {
    const load = vi.fn(async () => renders);
    const base = await serve({ load }, { mark: false });
    expect((await fetch(base + "/espace")).status).toBe(418);
    expect(load).not.toHaveBeenCalled();
  });

  it("leaves to Next a path that URL parsing tidied (sent as /doc/../espace)", async () => {
    const load = vi.fn(async () => renders);
    await serve({ load });
    const status = await new Promise<number>((resolve, reject) => {
      const { port } = server!.address() as AddressInfo;
      http.get({ host: "127.0.0.1", port, path: "/doc/../espace" }, (res) => resolve(res.statusCode ?? 0)).on("error", reject);
    });
    expect(status).toBe(418);
    expect(load).not.toHaveBeenCalled();
  });

  it("answers HEAD through the entry point", async () => {
    const base = await serve({ load: async () => renders });
    const response = await fetch(base + "/espace", { method: "HEAD" });
    expect(response.status).toBe(200);
  });

  it("compresses through the middleware it is given, before the page writes", async () => {
    const compress = vi.fn<NonNullable<DirectPagesParts["compress"]>>((_req, res) => res.setHeader("x-compressed", "1"));
    const base = await serve({ load: async () => renders, compress });
    const response = await fetch(base + "/espace");
    expect(response.headers.get("x-compressed")).toBe("1");
    expect(compress).toHaveBeenCalledTimes(1);
  });

  it("a page that throws gets Next's error page with a 500, and the error is logged", async () => {
    const log = vi.fn();
    const renderError = vi.fn<DirectPagesParts["renderError"]>(async (_error, _req, res) => void res.end("Erreur"));
    const boom = new Error("base de données injoignable");
    const base = await serve({ load: async () => async () => Promise.reject(boom), log, renderError });
    const response = await fetch(base + "/doc/abc?x=1");
    expect(response.status).toBe(500);
    expect(await response.text()).toBe("Erreur");
    expect(log).toHaveBeenCalledWith(boom);
    expect(renderError.mock.calls[0]![0]).toBe(boom);
    expect(renderError.mock.calls[0]![3]).toBe("/doc/abc");
  });

  it("a page that throws after its answer began is cut off, not finished with another page", async () => {
    const renderError = vi.fn<DirectPagesParts["renderError"]>(async () => {});
    const base = await serve({
      load: async () => async (_req, res) => {
        res.writeHead(200, { "content-type": "text/html" });
        res.write("<p>début");
        await new Promise((resolve) => setTimeout(resolve, 20));
        throw new Error("au milieu");
      },
      renderError,
    });
    await expect(fetch(base + "/espace").then((response) => response.text())).rejects.toThrow();
    expect(renderError).not.toHaveBeenCalled();
  });

  it("when even the error page fails, a plain 500 in French", async () => {
    const base = await serve({
      load: async () => async () => Promise.reject(new Error("page")),
      renderError: async () => Promise.reject(new Error("page d'erreur")),
    });
    const response = await fetch(base + "/espace");
    expect(response.status).toBe(500);
    expect(await response.text()).toBe("Erreur interne du serveur");
  });

  it("an entry point that failed to load is loaded again on the next view", async () => {
    const load = vi.fn<DirectPagesParts["load"]>().mockRejectedValueOnce(new Error("pas encore")).mockResolvedValue(renders);
    const base = await serve({ load });
    expect((await fetch(base + "/espace")).status).toBe(500);
    expect((await fetch(base + "/espace")).status).toBe(200);
    expect(load).toHaveBeenCalledTimes(2);
  });
});
