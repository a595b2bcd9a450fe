/**
 * `npm run test:e2e [-- <playwright args>]`: builds the app if needed, seeds a fresh PGlite
 * database with the demo personas in .test-data/e2e (and invites a few patients without
 * accounts: scripts/e2e-invitations.ts), then runs Playwright, which starts
 * the portal's server on that database (playwright.config.ts).
 */
import { spawnSync } from "node:child_process";
import { rmSync } from "node:fs";
import path from "node:path";
import { buildIfStale } from "./lib/build-if-stale.mjs";

const dataDir = path.resolve(process.env.E2E_DATA_DIR ?? ".test-data/e2e");
const env = { ...process.env, APP_ENV: "test", DATA_DIR: dataDir, E2E_DATA_DIR: dataDir, NEXT_TELEMETRY_DISABLED: "1" };
delete env.DATABASE_URL;

const run = (args, label) => {
  const result = spawnSync(process.execPath, args, { stdio: "inherit", env });
  if (result.status !== 0) {
    console.error(`${label} a échoué (code ${result.status}).`);
    process.exit(result.status ?? 1);
  }
};
const tsx = (script, ...args) => ["node_modules/tsx/dist/cli.mjs", "--conditions", "react-server", script, ...args];

buildIfStale();
rmSync(dataDir, { recursive: true, force: true });
run(tsx("scripts/seed.ts"), "Le chargement des personas");
// accounts.spec.ts activates accounts with real codes: made now, while no server holds the database.
run(tsx("scripts/e2e-invitations.ts"), "Les invitations de test");
run(["node_modules/@playwright/test/cli.js", "test", ...process.argv.slice(2)], "Playwright");
