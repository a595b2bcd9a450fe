/**
 * `npm run test:e2e [-- <playwright args>]`: builds the app if needed, seeds a fresh PGlite
 * database with the demo personas in .test-data/e2e (and invites a few patients without
 * accounts: scripts/e2e-invitations.ts), then runs Playwright, which starts
 * the portal's server on that database (playwright.config.ts).
 *
 * With a PostgreSQL server (TEST_DATABASE_URL, as `npm test` has it in CI), a second portal is
 * started as production runs one on such a server: a cluster of two processes sharing the port,
 * on a throw-away database of that server seeded with the same personas. The specs under
 * tests/e2e/cluster run against it (what one process decides, the other must honour at once);
 * the database is dropped at the end.
 */
import { spawnSync } from "node:child_process";
import { rmSync } from "node:fs";
import path from "node:path";
import { buildIfStale } from "./lib/build-if-stale.mjs";

const dataDir = path.resolve(process.env.E2E_DATA_DIR ?? ".test-data/e2e");
const env = { ...process.env, APP_ENV: "test", DATA_DIR: dataDir, E2E_DATA_DIR: dataDir, NEXT_TELEMETRY_DISABLED: "1" };
delete env.DATABASE_URL;
delete env.E2E_CLUSTER_DATABASE_URL;
delete env.E2E_CLUSTER_DATA_DIR;

const spawn = (args, extraEnv = {}, stdio = "inherit") => spawnSync(process.execPath, args, { stdio, env: { ...env, ...extraEnv }, encoding: "utf8" });
const cleanups = [];
const fail = (label, status) => {
  console.error(`${label} a échoué (code ${status}).`);
  for (const cleanup of cleanups.splice(0)) cleanup();
  process.exit(status ?? 1);
};
const run = (args, label, extraEnv) => {
  const result = spawn(args, extraEnv);
  if (result.status !== 0) fail(label, result.status);
};
const tsx = (script, ...args) => ["node_modules/tsx/dist/cli.mjs", "--conditions", "react-server", script, ...args];

buildIfStale();
rmSync(dataDir, { recursive: true, force: true });
// The cluster's own DATA_DIR (its secrets, its e-mails), which the seed must share: the seed
// stores the personas' TOTP secrets and files sealed with that folder's keys.
const clusterDataDir = `${dataDir}-cluster`;
rmSync(clusterDataDir, { recursive: true, force: true });
run(tsx("scripts/seed.ts"), "Le chargement des personas");
// accounts.spec.ts activates accounts with real codes: made now, while no server holds the database.
run(tsx("scripts/e2e-invitations.ts"), "Les invitations de test");

const playwrightEnv = {};
if (process.env.TEST_DATABASE_URL) {
  const created = spawn(tsx("scripts/e2e-cluster-database.ts", "create"), {}, ["ignore", "pipe", "inherit"]);
  if (created.status !== 0) fail("La base du cluster", created.status);
  const cluster = JSON.parse(created.stdout);
  cleanups.push(() => spawn(tsx("scripts/e2e-cluster-database.ts", "drop", cluster.name)));
  run(tsx("scripts/seed.ts"), "Le chargement des personas (PostgreSQL)", { DATABASE_URL: cluster.url, DATA_DIR: clusterDataDir });
  Object.assign(playwrightEnv, { E2E_CLUSTER_DATABASE_URL: cluster.url, E2E_CLUSTER_DATA_DIR: clusterDataDir });
}
const playwright = spawn(["node_modules/@playwright/test/cli.js", "test", ...process.argv.slice(2)], playwrightEnv);
for (const cleanup of cleanups.splice(0)) cleanup();
if (playwright.status !== 0) fail("Playwright", playwright.status);
