/**
 * Marks a module as server code: every module of src/server imports this first, for its effect.
 *
 * Why not the `server-only` package: Next refuses that import in the Pages Router, and the pages
 * that need no JavaScript in the browser are served by it (no runtime script at all; issue 16,
 * scripts/bench/measured/pages-2026-12-02.txt). This keeps the package's promise in both routers:
 * - it throws if it ever runs in a browser;
 * - the build fails if the browser's code holds it: scripts/check-client-bundle.mjs looks for
 *   this message in `.next/static` after `next build`, so a client component (or a page's
 *   component) that reaches server code is caught before it ships, as `server-only` did.
 */
if (typeof window !== "undefined") {
  throw new Error("espace-sante:server-module loaded in a browser (see src/server/server-only.ts)");
}

export {};
