// Bundles the portal's HTTP server (src/server/portal-server.ts) into .next/portal-server.mjs
// (and its worker's chunk in .next/portal-server-chunks/),
// after `next build`. esbuild (Vite's and tsx's bundler, a dev dependency) compiles our
// TypeScript; packages stay in node_modules.
// It also puts the PDF text worker (src/server/documents/pdf-text-worker.mjs) beside it: a
// worker thread starts from a file, which neither bundle contains, and the image has no src/.
import { build } from "esbuild";
import { copyFileSync, rmSync } from "node:fs";

// A chunk's name carries its hash: the previous build's would stay beside the new ones.
rmSync(".next/portal-server-chunks", { recursive: true, force: true });

await build({
  entryPoints: { "portal-server": "src/server/portal-server.ts" },
  outdir: ".next",
  outExtension: { ".js": ".mjs" },
  // The server's own process code (portal-worker.ts, imported dynamically) as a chunk of its own,
  // with its packages' imports: a cluster's primary, which only forks and watches, never loads
  // Next, React or the app.
  splitting: true,
  chunkNames: "portal-server-chunks/[name]-[hash]",
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
