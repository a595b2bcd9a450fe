/**
 * Which Pages Router page a request's path names, decided from the build's own manifests, so that
 * the portal's server can hand a page view to that page's entry point (direct-pages.ts) without
 * Next's request router. A path this is unsure of gets `undefined`, and Next routes it as before.
 *
 * It answers only what Next itself would answer with that page:
 * - a static page by its exact path;
 * - a dynamic page by its build regex, when no static route of the build (a page, an App Router
 *   page or route) has that exact path, since Next tries static routes first, and in the order of
 *   the manifest's dynamicRoutes, which Next sorted the way it matches them;
 * - never a path with a trailing slash (Next redirects those), a percent-encoded one (Next decodes
 *   it first), a file of public/ or anything under /_next/, /api/ (routes, not pages), a page
 *   Next only renders itself (/_app, /_document, /_error, /404, /500) or one prerendered to HTML.
 */
export type PagesManifest = Record<string, string>;

export type RoutesManifest = {
  caseSensitive?: boolean;
  basePath?: string;
  i18n?: unknown;
  staticRoutes: { page: string }[];
  dynamicRoutes: { page: string; regex: string }[];
  rewrites?: { beforeFiles?: unknown[]; afterFiles?: unknown[]; fallback?: unknown[] } | unknown[];
  redirects?: { internal?: boolean }[];
};

const NEXT_OWN_PAGES = new Set(["/_app", "/_document", "/_error", "/404", "/500"]);
/** Paths made only of these characters are compared as they are; anything else goes to Next. */
const PLAIN_PATH = /^\/(?:[A-Za-z0-9._~-]+\/)*[A-Za-z0-9._~-]*$/;

export type PageRoutes = { pageOf(pathname: string): string | undefined };

export function pageRoutes(pages: PagesManifest, routes: RoutesManifest, publicFiles: Iterable<string> = []): PageRoutes {
  // Whatever would make Next route a path differently than its pages manifest says: then Next routes.
  if (!servesPathsAsTheyAre(routes)) return { pageOf: () => undefined };
  // A page without server-side data is prerendered to an .html file, which Next serves itself.
  const servable = (page: string) =>
    pages[page]?.endsWith(".js") === true && !NEXT_OWN_PAGES.has(page) && !page.startsWith("/api/") && page !== "/api";
  const taken = new Set<string>([...routes.staticRoutes.map((route) => route.page), ...publicFiles]);
  // Case-sensitive whatever the build's caseSensitive says: that flag is for next.config's own
  // routes (headers, redirects); Next matches pages as written (/ESPACE is a 404 there too).
  const dynamic = routes.dynamicRoutes.map((route) => ({ page: route.page, regex: new RegExp(route.regex) }));
  return {
    pageOf(pathname) {
      if (!PLAIN_PATH.test(pathname) || (pathname.length > 1 && pathname.endsWith("/"))) return undefined;
      if (pathname.startsWith("/_next/") || pathname.startsWith("/api/")) return undefined;
      if (taken.has(pathname) || pathname in pages) return servable(pathname) ? pathname : undefined;
      for (const route of dynamic) if (route.regex.test(pathname)) return servable(route.page) ? route.page : undefined;
      return undefined;
    },
  };
}

function servesPathsAsTheyAre(routes: RoutesManifest): boolean {
  const rewrites = routes.rewrites;
  const noRewrites = Array.isArray(rewrites)
    ? rewrites.length === 0
    : !rewrites || [rewrites.beforeFiles, rewrites.afterFiles, rewrites.fallback].every((list) => !list || list.length === 0);
  // Next's own redirects (the trailing slash one) are internal; a redirect of next.config is not.
  const noRedirects = (routes.redirects ?? []).every((redirect) => redirect.internal === true);
  return noRewrites && noRedirects && !routes.basePath && !routes.i18n;
}
