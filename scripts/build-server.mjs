// Bundles the portal's HTTP server (src/server/portal-server.ts) into .next/portal-server.mjs,
// after `next build`. esbuild (Vite's and tsx's bundler, a dev dependency) compiles our
// TypeScript; packages stay in node_modules.
// It also puts the PDF text worker (src/server/documents/pdf-text-worker.mjs) beside it: a
// worker thread starts from a file, which neither bundle contains, and the image has no src/.
import { build } from "esbuild";
import { copyFileSync } from "node:fs";

await build({
  entryPoints: ["src/server/portal-server.ts"],
  outfile: ".next/portal-server.mjs",
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  packages: "external",
  // Packages in node_modules are CommonJS as often as not: give the bundle a require().
  banner: { js: 'import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);' },
  logLevel: "warning",
});

copyFileSync("src/server/documents/pdf-text-worker.mjs", ".next/pdf-text-worker.mjs");
