import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { directPagesOfBuild } from "@/server/http/direct-pages-of-build";
import { PAGE_HEADERS_APPLIED } from "@/server/http/security-headers";

/**
 * directPagesOfBuild reads a production build: here a small one written by the test, inside the
 * project (so that `next` resolves from it as from the real .next), with one page whose entry
 * point is a promise of a module, as Turbopack writes them.
 */
const root = path.join(import.meta.dirname, "../../../.test-data/direct-pages-build", String(process.pid));

function writeBuild(dir: string, options: { rewrites?: unknown[]; withoutServerFiles?: boolean } = {}) {
  mkdirSync(path.join(dir, ".next/server/pages"), { recursive: true });
  mkdirSync(path.join(dir, "public"), { recursive: true });
  // As Next writes it: the build's files are CommonJS whatever the project's package.json says.
  writeFileSync(path.join(dir, ".next/package.json"), JSON.stringify({ type: "commonjs" }));
  writeFileSync(path.join(dir, "public/robots.txt"), "User-agent: *\n");
  writeFileSync(path.join(dir, ".next/server/pages-manifest.json"), JSON.stringify({ "/bonjour": "pages/bonjour.js", "/_error": "pages/_error.js" }));
  writeFileSync(
    path.join(dir, ".next/routes-manifest.json"),
    JSON.stringify({
      caseSensitive: false,
      basePath: "",
      staticRoutes: [{ page: "/bonjour" }],
      dynamicRoutes: [],
      rewrites: { beforeFiles: [], afterFiles: options.rewrites ?? [], fallback: [] },
      redirects: [{ internal: true }],
      headers: [{ source: "/:path*", regex: "^(?:/((?:[^/]+?)(?:/(?:[^/]+?))*))?(?:/)?$", headers: [{ key: "X-Frame-Options", value: "DENY" }] }],
    }),
  );
  if (!options.withoutServerFiles) writeFileSync(path.join(dir, ".next/required-server-files.json"), JSON.stringify({ config: { compress: true } }));
  writeFileSync(
    path.join(dir, ".next/server/pages/bonjour.js"),
    `module.exports = Promise.resolve({ handler: async (req, res) => { res.setHeader("content-type", "text/html; charset=utf-8"); res.end("<p>" + "Bonjour ".repeat(200) + "</p>"); } });`,
  );
}

let server: http.Server | undefined;
beforeAll(() => rmSync(root, { recursive: true, force: true }));
afterAll(async () => {
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  rmSync(root, { recursive: true, force: true });
});

describe("page views straight to the entry points of a build", () => {
  it("serves a page of the build through its entry point, with the config's headers, gzipped when asked", async () => {
    const dir = path.join(root, "complete");
    writeBuild(dir);
    const pages = directPagesOfBuild(dir, async (error, _req, res) => void res.end(String(error)))!;
    expect(pages).toBeDefined();
    server = http.createServer((req, res) => {
      req.headers[PAGE_HEADERS_APPLIED] = "1";
      const pathname = new URL(req.url ?? "/", "http://x").pathname;
      const view = pages.pageOf(req, pathname);
      if (view) void pages.serve(req, res, view);
      else res.writeHead(418).end();
    });
    await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    const answer = await new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
      http
        .get({ host: "127.0.0.1", port, path: "/bonjour", headers: { "accept-encoding": "gzip" } }, (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (chunk: Buffer) => chunks.push(chunk));
          res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
        })
        .on("error", reject);
    });
    expect(answer.status).toBe(200);
    expect(answer.headers["x-frame-options"]).toBe("DENY");
    expect(answer.headers["content-encoding"]).toBe("gzip");
    expect(gunzipSync(answer.body).toString()).toContain("Bonjour Bonjour");
    // The file of public/ and Next's own pages stay Next's.
    expect((await fetch(`http://127.0.0.1:${port}/robots.txt`)).status).toBe(418);
    expect((await fetch(`http://127.0.0.1:${port}/_error`)).status).toBe(418);
  });

  it.each([
    ["no build at all", () => mkdirSync(path.join(root, "empty"), { recursive: true }), "empty"],
    ["a build without its server files", () => writeBuild(path.join(root, "partial"), { withoutServerFiles: true }), "partial"],
    ["a build with a rewrite", () => writeBuild(path.join(root, "rewritten"), { rewrites: [{ source: "/a", destination: "/bonjour" }] }), "rewritten"],
  ])("with %s, every page goes through Next", (_, write, name) => {
    write();
    const pages = directPagesOfBuild(path.join(root, name), async () => {});
    const req = { method: "GET", url: "/bonjour", headers: { [PAGE_HEADERS_APPLIED]: "1" } } as unknown as http.IncomingMessage;
    expect(pages?.pageOf(req, "/bonjour")).toBeUndefined();
  });
});
