import { existsSync, readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import type { IncomingMessage, ServerResponse } from "node:http";
import { configHeaders, type HeaderRule } from "./config-headers";
import { directPages, type DirectPages, type DirectPagesParts, type PageHandler } from "./direct-pages";
import { pageRoutes, type PagesManifest, type RoutesManifest } from "./page-routes";

type NextCompression = () => (req: IncomingMessage, res: ServerResponse, next: () => void) => void;

/**
 * Page views straight to their entry points (direct-pages.ts says why), with the parts read from
 * the production build in `dir`; undefined if anything in it is not what this
 * was written for (then every page goes through Next, as before).
 */
export function directPagesOfBuild(
  dir: string,
  renderError: DirectPagesParts["renderError"],
): DirectPages | undefined {
  const distDir = path.join(dir, ".next");
  const serverDir = path.join(distDir, "server");
  const requireFromBuild = createRequire(path.join(serverDir, "pages-manifest.json"));
  let pages: PagesManifest;
  let routes: RoutesManifest & { headers: HeaderRule[] };
  let compression: ReturnType<NextCompression> | undefined;
  let releaseCompressionStream: (res: ServerResponse) => void;
  try {
    pages = JSON.parse(readFileSync(path.join(serverDir, "pages-manifest.json"), "utf8")) as PagesManifest;
    routes = JSON.parse(readFileSync(path.join(distDir, "routes-manifest.json"), "utf8")) as RoutesManifest & { headers: HeaderRule[] };
    const built = JSON.parse(readFileSync(path.join(distDir, "required-server-files.json"), "utf8")) as { config?: { compress?: boolean } };
    // Next's own copy of the `compression` middleware, the one its router applies to every
    // answer: the same bytes on the wire, from the same version.
    compression = built.config?.compress !== false ? (requireFromBuild("next/dist/compiled/compression") as NextCompression)() : undefined;
    ({ releaseCompressionStream } = requireFromBuild("next/dist/server/lib/release-compression-stream") as {
      releaseCompressionStream: (res: ServerResponse) => void;
    });
  } catch {
    return undefined;
  }
  const headers = configHeaders(routes.headers ?? [], routes.caseSensitive);
  if (!headers) return undefined;
  return directPages({
    routes: pageRoutes(pages, routes, publicFiles(path.join(dir, "public"))),
    headers,
    load: async (page) => {
      const file = pages[page];
      if (!file) throw new Error(`no entry point for ${page}`);
      // Turbopack's page modules are asynchronous: require gives a promise of the module.
      const entry = (await (requireFromBuild(path.join(serverDir, file)) as Promise<{ handler?: unknown }>)) ?? {};
      if (typeof entry.handler !== "function") throw new Error(`${page}: its entry point has no handler`);
      return entry.handler as PageHandler;
    },
    compress: compression
      ? (req, res) => {
          compression(req, res, () => {});
          // On a client that leaves early the middleware never ends its zlib stream (Next's note).
          res.once("close", () => {
            if (!res.writableFinished) releaseCompressionStream(res);
          });
        }
      : undefined,
    renderError,
    // The key under which Next's router server registered this project's render404 and
    // configuration when it started (router-server.ts: path.relative(process.cwd(), dir)).
    requestMeta: { relativeProjectDir: path.relative(process.cwd(), dir) },
  });
}

function publicFiles(folder: string): string[] {
  if (!existsSync(folder)) return [];
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => "/" + path.relative(folder, path.join(entry.parentPath, entry.name)).split(path.sep).join("/"));
}
