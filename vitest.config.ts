import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { defineConfig } from "vitest/config";

const root = import.meta.dirname;

/**
 * Integration files that change a module for themselves: they mock one of the app's modules
 * (vi.mock: the delegations' clock, the page scope, the mail queue) or set an environment
 * variable that env() reads once per process (the read limit). Each runs with modules of its
 * own, so the change ends with the file. Found by reading the files rather than listed by hand,
 * so a new file that mocks cannot land among the shared ones by being forgotten.
 */
const CHANGES_A_MODULE = /\bvi\.(mock|doMock|stubEnv)\(|process\.env\.[A-Z_]+ *=[^=]/;
const OWN_MODULES = readdirSync(path.join(root, "tests/integration"), { recursive: true, encoding: "utf8" })
  .filter((file) => file.endsWith(".test.ts") && CHANGES_A_MODULE.test(readFileSync(path.join(root, "tests/integration", file), "utf8")))
  .map((file) => `tests/integration/${file.split(path.sep).join("/")}`);

/**
 * Unit and integration projects apart so that `npm run test:unit` never pays for a database: the
 * integration projects' global setup (a migrated PGlite template, or a fresh database on
 * TEST_DATABASE_URL) only runs when one of their files is queued.
 */
export default defineConfig({
  resolve: {
    alias: [
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
          exclude: OWN_MODULES,
          globalSetup: [path.join(root, "tests/setup/global-database.ts")],
          setupFiles: [path.join(root, "tests/setup/worker-env.ts"), path.join(root, "tests/setup/next-headers-mock.ts")],
          // A worker's files share its module cache: each file used to load the app's modules
          // (Prisma, Medplum's validator, next-auth...) afresh, which was most of the run (303 s
          // with 133 s of imports, against 151-170 s shared). What a file changes in a module's
          // state must not reach the next file: those files run in the project below.
          isolate: false,
        },
      },
      {
        extends: true,
        test: {
          name: "integration-own-modules",
          include: OWN_MODULES,
          globalSetup: [path.join(root, "tests/setup/global-database.ts")],
          setupFiles: [path.join(root, "tests/setup/worker-env.ts"), path.join(root, "tests/setup/next-headers-mock.ts")],
        },
      },
    ],
  },
});
