import { existsSync, readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { configHeaders, type HeaderRule } from "./config-headers";
import { gzipWholeAnswer } from "./gzip-whole-answer";
import { directPages, type DirectPages, type DirectPagesParts, type PageHandler } from "./direct-pages";
import { pageRoutes, type PagesManifest, type RoutesManifest } from "./page-routes";

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
  let compress: boolean;
  try {
    pages = JSON.parse(readFileSync(path.join(serverDir, "pages-manifest.json"), "utf8")) as PagesManifest;
    routes = JSON.parse(readFileSync(path.join(distDir, "routes-manifest.json"), "utf8")) as RoutesManifest & { headers: HeaderRule[] };
    const built = JSON.parse(readFileSync(path.join(distDir, "required-server-files.json"), "utf8")) as { config?: { compress?: boolean } };
    // next.config's `compress` (true unless turned off), as Next's router reads it.
    compress = built.config?.compress !== false;
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
    compress: compress ? gzipWholeAnswer : undefined,
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
