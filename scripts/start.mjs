/**
 * `npm start`: the portal on http://localhost:3000 (PORT to change it).
 *  - without DATABASE_URL: PGlite in DATA_DIR (default .data/), migrated, and seeded with the
 *    demo personas when empty (the seed does nothing when they are there, refuses production);
 *  - with DATABASE_URL: migrations only; data is the server's.
 * Then builds the app if the build is missing or older than the sources, and runs the portal's
 * server (src/server/portal-server.ts: Next, with the FHIR API answered directly).
 * The seed and the server run one after the other: PGlite allows one process per data folder.
 */
import { spawn, spawnSync } from "node:child_process";
import { buildIfStale } from "./lib/build-if-stale.mjs";

const tsx = (script) => {
  const result = spawnSync(process.execPath, ["node_modules/tsx/dist/cli.mjs", "--conditions", "react-server", script], {
    stdio: "inherit",
    env: process.env,
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
};

const embedded = !process.env.DATABASE_URL;
tsx(embedded && process.env.APP_ENV !== "production" ? "scripts/seed.ts" : "scripts/db-migrate.ts");

try {
  buildIfStale();
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}

const port = process.env.PORT ?? "3000";
const host = process.env.HOSTNAME ?? "localhost";
console.log(`Espace santé : http://${host}:${port} (personas et mot de passe : voir README.md)`);
// The heap's sizes and malloc's arenas (one process within about 400 MB): see src/server/portal-server.ts.
const server = spawn(process.execPath, ["--max-semi-space-size=16", "--max-old-space-size=256", ".next/portal-server.mjs"], {
  stdio: "inherit",
  env: { MALLOC_ARENA_MAX: "2", ...process.env, PORT: port, HOSTNAME: host, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
