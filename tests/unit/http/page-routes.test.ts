import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { pageRoutes, type PagesManifest, type RoutesManifest } from "@/server/http/page-routes";

// Shaped like the build's own manifests (.next/server/pages-manifest.json, .next/routes-manifest.json):
// Pages Router pages, App Router pages and routes side by side, dynamic routes in Next's order.
const pages: PagesManifest = {
  "/": "pages/index.js",
  "/_app": "pages/_app.js",
  "/_document": "pages/_document.js",
  "/_error": "pages/_error.js",
  "/404": "pages/404.js",
  "/espace": "pages/espace.js",
  "/espace/documents": "pages/espace/documents.js",
  "/espace/documents/ajouter": "pages/espace/documents/ajouter.js",
  "/espace/documents/[id]": "pages/espace/documents/[id].js",
  "/espace/ordonnances/[id]/lien": "pages/espace/ordonnances/[id]/lien.js",
  "/pro/patients/[patientId]": "pages/pro/patients/[patientId].js",
  "/pro/patients/[patientId]/documents/[id]": "pages/pro/patients/[patientId]/documents/[id].js",
  "/api/old": "pages/api/old.js",
  "/a-propos": "pages/a-propos.html",
};

const routes: RoutesManifest = {
  caseSensitive: false,
  basePath: "",
  staticRoutes: [
    { page: "/" },
    { page: "/espace" },
    { page: "/espace/documents" },
    { page: "/espace/documents/ajouter" },
    // App Router: a page and a route handler whose paths a dynamic page's regex also matches.
    { page: "/espace/documents/vus" },
    { page: "/pro/patients/nouveau" },
    { page: "/api/health" },
    { page: "/a-propos" },
  ],
  dynamicRoutes: [
    { page: "/api/documents/[id]/file", regex: "^/api/documents/([^/]+?)/file(?:/)?$" },
    { page: "/espace/documents/[id]", regex: "^/espace/documents/([^/]+?)(?:/)?$" },
    { page: "/espace/ordonnances/[id]/lien", regex: "^/espace/ordonnances/([^/]+?)/lien(?:/)?$" },
    { page: "/espace/proches/[id]", regex: "^/espace/proches/([^/]+?)(?:/)?$" },
    { page: "/pro/patients/[patientId]", regex: "^/pro/patients/([^/]+?)(?:/)?$" },
    { page: "/pro/patients/[patientId]/documents/[id]", regex: "^/pro/patients/([^/]+?)/documents/([^/]+?)(?:/)?$" },
  ],
  rewrites: { beforeFiles: [], afterFiles: [], fallback: [] },
  redirects: [{ internal: true }],
};

const ID = "d0000001-0000-4000-8000-000000000007";

describe("which page a path names, as Next's router would route it", () => {
  const routed = pageRoutes(pages, routes, ["/robots.txt", "/fonts/marianne.woff2"]);

  it.each([
    ["/", "/"],
    ["/espace", "/espace"],
    ["/espace/documents", "/espace/documents"],
    // A static page wins over the dynamic page whose regex matches its path too.
    ["/espace/documents/ajouter", "/espace/documents/ajouter"],
    [`/espace/documents/${ID}`, "/espace/documents/[id]"],
    [`/espace/ordonnances/${ID}/lien`, "/espace/ordonnances/[id]/lien"],
    [`/pro/patients/${ID}`, "/pro/patients/[patientId]"],
    [`/pro/patients/${ID}/documents/${ID}`, "/pro/patients/[patientId]/documents/[id]"],
  ])("%s is the page %s", (path, page) => {
    expect(routed.pageOf(path)).toBe(page);
  });

  it.each([
    ["an App Router page a dynamic page's regex also matches", "/espace/documents/vus"],
    ["an App Router page under a dynamic page's prefix", "/pro/patients/nouveau"],
    ["a dynamic route that is not a page (an App Router route)", `/espace/proches/${ID}`],
    ["a route handler", "/api/health"],
    ["a Pages Router API route", "/api/old"],
    ["a route under /api/", `/api/documents/${ID}/file`],
    ["a file of public/", "/robots.txt"],
    ["a nested file of public/", "/fonts/marianne.woff2"],
    ["a build file", "/_next/static/chunks/main.js"],
    ["Next's own pages", "/_error"],
    ["the 404 page", "/404"],
    ["the document page", "/_document"],
    ["a page prerendered to HTML (Next serves the file)", "/a-propos"],
    ["a trailing slash (Next redirects it)", "/espace/documents/"],
    ["a trailing slash on a dynamic page", `/espace/documents/${ID}/`],
    ["a percent-encoded path (Next decodes it first)", "/espace/documents/%41"],
    ["an empty segment", "/espace//documents"],
    ["a dot segment", "/espace/./documents"],
    ["an unknown path", "/nexiste/pas"],
    ["a path deeper than any page", `/espace/documents/${ID}/autre`],
    // Next matches pages as written, whatever the build's caseSensitive (which is for its headers).
    ["another case, static", "/ESPACE/documents"],
    ["another case, dynamic", `/Espace/documents/${ID}`],
  ])("%s goes to Next (%s)", (_, path) => {
    expect(routed.pageOf(path)).toBeUndefined();
  });

  it("names only pages of the manifest, whatever the path (property)", () => {
    const segment = fc.stringMatching(/^[A-Za-z0-9._~%-]{0,12}$/);
    fc.assert(
      fc.property(fc.array(segment, { maxLength: 5 }), fc.boolean(), (segments, slash) => {
        const path = "/" + segments.join("/") + (slash ? "/" : "");
        const page = routed.pageOf(path);
        if (page === undefined) return;
        expect(Object.keys(pages)).toContain(page);
        expect(page.startsWith("/_") || page.startsWith("/api") || page === "/404").toBe(false);
        expect(path.includes("%") || path.includes("//")).toBe(false);
      }),
    );
  });

  it.each([
    ["a rewrite", { ...routes, rewrites: { beforeFiles: [], afterFiles: [{ source: "/a", destination: "/b" }], fallback: [] } }],
    ["rewrites as a plain list", { ...routes, rewrites: [{ source: "/a", destination: "/b" }] }],
    ["a redirect of next.config", { ...routes, redirects: [{ internal: true }, {}] }],
    ["a base path", { ...routes, basePath: "/sante" }],
    ["locales", { ...routes, i18n: { locales: ["fr", "de"], defaultLocale: "fr" } }],
  ] as [string, RoutesManifest][])("with %s in the build, every path goes to Next", (_, manifest) => {
    const strict = pageRoutes(pages, manifest);
    for (const path of ["/", "/espace/documents", `/espace/documents/${ID}`]) expect(strict.pageOf(path)).toBeUndefined();
  });
});
