import path from "node:path";
import { defineConfig } from "vitest/config";

const root = import.meta.dirname;

/**
 * Two projects so that `npm run test:unit` never pays for a database: the integration project's
 * global setup (a migrated PGlite template, or a fresh database on TEST_DATABASE_URL) only runs
 * when one of its files is queued.
 */
export default defineConfig({
  resolve: {
    alias: [
      { find: /^server-only$/, replacement: path.join(root, "tests/setup/empty-module.ts") },
      { find: /^@\//, replacement: `${path.join(root, "src")}/` },
    ],
  },
  test: {
    environment: "node",
    // The machines have 2 cores; each integration file holds an in-memory PostgreSQL (or its
    // own connections to the server). Three workers were tried on the server: slower (543 s
    // against 375 s, module imports doubled) and more races between files.
    pool: "forks",
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 60_000,
    setupFiles: [path.join(root, "tests/setup/worker-env.ts")],
    // Tests drive one account far faster than a person: the read limit's own tests lower it.
    // VITEST_DATA_DIR: a second vitest run at the same time (CI's PGlite set) keeps its files apart.
    env: { APP_ENV: "test", DATA_DIR: process.env.VITEST_DATA_DIR ?? path.join(root, ".test-data", "vitest"), READS_PER_MINUTE: "100000" },
    projects: [
      {
        extends: true,
        test: { name: "unit", include: ["tests/unit/**/*.test.{ts,tsx}"] },
      },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.{ts,tsx}"],
          globalSetup: [path.join(root, "tests/setup/global-database.ts")],
        },
      },
    ],
  },
});
