import http from "node:http";
import type { AddressInfo } from "node:net";
import { addRequestMeta, getRequestMeta, setRequestMeta } from "next/dist/server/request-meta";
import { afterEach, describe, expect, it } from "vitest";
import { directPages, type PageHandler } from "@/server/http/direct-pages";
import { PAGE_HEADERS_APPLIED } from "@/server/http/security-headers";

/**
 * Found by attacking the production build over HTTP: one view of /espace/documents?q=%00 (a
 * 500: PostgreSQL refuses the NUL) and from then on every page of that process ignored its query
 * string, for every person: the documents list its filters, « Retour aux documents » the list's
 * words, each page its `?message=` notice. The entry points were all given one and the same
 * `requestMeta` object, which Next's page handler makes the request's metadata and writes into,
 * as Next's error page does (its empty `query`). The stand-ins below do what Next's do, with
 * Next's own request-meta functions: pages-handler.js (setRequestMeta(req, ctx.requestMeta), the
 * first URL kept as `initURL`, the query read from the metadata before the URL) and
 * base-server.js's renderError (addRequestMeta(req, "query", {})).
 */
let server: http.Server | undefined;

afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

const nextLikePage: PageHandler = async (req, res, ctx) => {
  if (ctx.requestMeta) setRequestMeta(req, ctx.requestMeta);
  if (!getRequestMeta(req, "initURL")) addRequestMeta(req, "initURL", `http://localhost${req.url}`);
  const url = new URL(req.url ?? "/", "http://localhost");
  if (url.searchParams.get("q") === "\0") throw new Error("invalid byte sequence for encoding UTF8: 0x00");
  const query = getRequestMeta(req, "query") ?? Object.fromEntries(url.searchParams);
  res.setHeader("content-type", "application/json");
  res.end(JSON.stringify({ query, initURL: getRequestMeta(req, "initURL") }));
};

async function serve(): Promise<string> {
  const pages = directPages({
    routes: { pageOf: (pathname) => (pathname === "/espace/documents" ? "/espace/documents" : undefined) },
    headers: () => [],
    load: async () => nextLikePage,
    renderError: async (_error, req, res) => {
      addRequestMeta(req, "query", {});
      res.end("page d'erreur");
    },
    log: () => {},
    requestMeta: { relativeProjectDir: "" },
  });
  server = http.createServer((req, res) => {
    req.headers[PAGE_HEADERS_APPLIED] = "1";
    const view = pages.pageOf(req, new URL(req.url ?? "/", "http://x").pathname);
    if (view) void pages.serve(req, res, view);
    else res.writeHead(418).end();
  });
  await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe("each page view has its own request metadata", () => {
  it("a page that threw leaves nothing of its error page to the views after it", async () => {
    const base = await serve();
    expect((await fetch(`${base}/espace/documents?q=%00`)).status).toBe(500);
    const after = (await (await fetch(`${base}/espace/documents?q=Bilan`)).json()) as { query: Record<string, string> };
    expect(after.query).toEqual({ q: "Bilan" });
  });

  it("one person's address (and its query) is never the next view's", async () => {
    const base = await serve();
    await fetch(`${base}/espace/documents?q=secret-de-camille`);
    const next = (await (await fetch(`${base}/espace/documents?q=Radio`)).json()) as { initURL: string };
    expect(next.initURL).toBe("http://localhost/espace/documents?q=Radio");
  });
});
