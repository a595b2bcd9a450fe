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
 *
 * The two databases are seeded side by side: each seed is one process mostly on one core.
 *
 * `npm test` splits the work in two (scripts/test.mjs): `e2e.mjs --prepare` builds and seeds
 * while vitest runs, and leaves what it made in E2E_DATA_DIR.prepared.json; `e2e.mjs --prepared
 * [<playwright args>]` then only runs Playwright on those databases, and drops the cluster's.
 */
import { spawn as spawnChild } from "node:child_process";
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { buildIfStale } from "./lib/build-if-stale.mjs";

const dataDir = path.resolve(process.env.E2E_DATA_DIR ?? ".test-data/e2e");
// The cluster's own DATA_DIR (its secrets, its e-mails), which the seed must share: the seed
// stores the personas' TOTP secrets and files sealed with that folder's keys.
const clusterDataDir = `${dataDir}-cluster`;
const preparedFile = `${dataDir}.prepared.json`;
const env = { ...process.env, APP_ENV: "test", DATA_DIR: dataDir, E2E_DATA_DIR: dataDir, NEXT_TELEMETRY_DISABLED: "1" };
delete env.DATABASE_URL;
delete env.E2E_CLUSTER_DATABASE_URL;
delete env.E2E_CLUSTER_DATA_DIR;

/** A node child; resolves with its status and, when piped, its stdout. */
function spawn(args, extraEnv = {}, stdio = "inherit") {
  return new Promise((resolve) => {
    const child = spawnChild(process.execPath, args, { stdio, env: { ...env, ...extraEnv } });
    let stdout = "";
    child.stdout?.setEncoding("utf8").on("data", (chunk) => (stdout += chunk));
    child.on("exit", (status) => resolve({ status, stdout }));
  });
}
const cleanups = [];
async function fail(label, status) {
  console.error(`${label} a échoué (code ${status}).`);
  for (const cleanup of cleanups.splice(0)) await cleanup();
  process.exit(status ?? 1);
}
async function run(args, label, extraEnv) {
  const result = await spawn(args, extraEnv);
  if (result.status !== 0) await fail(label, result.status);
}
const tsx = (script, ...args) => ["node_modules/tsx/dist/cli.mjs", "--conditions", "react-server", script, ...args];
const dropCluster = (name) => () => spawn(tsx("scripts/e2e-cluster-database.ts", "drop", name));

/** Both databases, seeded at once; gives the Playwright environment that names the cluster's. */
async function prepare() {
  buildIfStale();
  rmSync(preparedFile, { force: true });
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(clusterDataDir, { recursive: true, force: true });
  const pglite = async () => {
    await run(tsx("scripts/seed.ts"), "Le chargement des personas");
    // accounts.spec.ts activates accounts with real codes: made now, while no server holds the database.
    await run(tsx("scripts/e2e-invitations.ts"), "Les invitations de test");
  };
  const cluster = async () => {
    if (!process.env.TEST_DATABASE_URL) return {};
    const created = await spawn(tsx("scripts/e2e-cluster-database.ts", "create"), {}, ["ignore", "pipe", "inherit"]);
    if (created.status !== 0) await fail("La base du cluster", created.status);
    const { url, name } = JSON.parse(created.stdout);
    cleanups.push(dropCluster(name));
    await run(tsx("scripts/seed.ts"), "Le chargement des personas (PostgreSQL)", { DATABASE_URL: url, DATA_DIR: clusterDataDir });
    return { E2E_CLUSTER_DATABASE_URL: url, E2E_CLUSTER_DATA_DIR: clusterDataDir, E2E_CLUSTER_DATABASE_NAME: name };
  };
  const [, playwrightEnv] = await Promise.all([pglite(), cluster()]);
  return playwrightEnv;
}

/** What `--prepare` left, once: a second run must seed afresh (the specs change the databases). */
async function takePrepared() {
  if (!existsSync(preparedFile)) await fail(`Les bases préparées (${preparedFile} absent : e2e.mjs --prepare d'abord)`, 1);
  const playwrightEnv = JSON.parse(readFileSync(preparedFile, "utf8"));
  rmSync(preparedFile, { force: true });
  if (playwrightEnv.E2E_CLUSTER_DATABASE_NAME) cleanups.push(dropCluster(playwrightEnv.E2E_CLUSTER_DATABASE_NAME));
  if (Boolean(process.env.TEST_DATABASE_URL) !== Boolean(playwrightEnv.E2E_CLUSTER_DATABASE_URL)) {
    await fail("Les bases préparées (préparées avec un autre TEST_DATABASE_URL)", 1);
  }
  buildIfStale();
  return playwrightEnv;
}

const [mode, ...playwrightArgs] = ["--prepare", "--prepared"].includes(process.argv[2] ?? "") ? process.argv.slice(2) : ["", ...process.argv.slice(2)];
if (mode === "--prepare") {
  const playwrightEnv = await prepare();
  writeFileSync(preparedFile, JSON.stringify(playwrightEnv));
  process.exit(0);
}
const playwrightEnv = mode === "--prepared" ? await takePrepared() : await prepare();
const playwright = await spawn(["node_modules/@playwright/test/cli.js", "test", ...playwrightArgs], playwrightEnv);
for (const cleanup of cleanups.splice(0)) await cleanup();
if (playwright.status !== 0) await fail("Playwright", playwright.status);
