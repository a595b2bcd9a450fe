import { defineConfig, devices } from "@playwright/test";
import { existsSync } from "node:fs";

/**
 * End-to-end tests in a real Chromium against the production build, on a PGlite database seeded
 * with the demo personas. Run through `npm run test:e2e` (scripts/e2e.mjs), which builds the app
 * when needed and prepares a fresh database in E2E_DATA_DIR before Playwright starts the server.
 *
 * No browser can be downloaded on these machines: Debian's Chromium is used when present.
 */
const port = Number(process.env.E2E_PORT ?? 3100);
// Debian's old headless shell (package chromium-headless-shell), the build Playwright itself runs
// headless: about a third of the full browser's CPU per spec on these machines (documents.spec.ts:
// 43 s of CPU against 134 s, 1.2 min against 2.2). The full browser (package chromium) otherwise.
const chromium = process.env.CHROMIUM_PATH ?? ["/usr/bin/chromium-headless-shell", "/usr/bin/chromium"].find((path) => existsSync(path)) ?? "/usr/bin/chromium";
const dataDir = process.env.E2E_DATA_DIR ?? ".test-data/e2e";

const SERVER_COMMAND = "node --max-semi-space-size=16 --max-old-space-size=256 .next/portal-server.mjs";

/** What both servers share. */
const serverEnv = {
  APP_ENV: "test",
  // The daily jobs would notify the demo's due vaccinations a minute after the start, in the
  // middle of specs that count notifications and read e-mails; their own tests cover them.
  DAILY_JOBS: "off",
  // As scripts/start.mjs runs it (src/server/portal-server.ts).
  MALLOC_ARENA_MAX: "2",
  NEXT_TELEMETRY_DISABLED: "1",
  // Playwright stands for the one trusted proxy: each test's X-Forwarded-For is a distinct
  // client, so one test's sign-in windows do not throttle the next (all come from 127.0.0.1).
  TRUSTED_PROXY_HOPS: "1",
  NODE_ENV: "production",
  // One large upload at a time, the next waiting 1 s for its turn: uploads.spec.ts fills the
  // turns with one upload (the defaults, 2 and 30 s, would need minutes of held uploads).
  UPLOADS_AT_ONCE: "1",
  UPLOAD_TURN_WAIT_SECONDS: "1",
  // The specs drive one persona through many pages faster than a person would.
  READS_PER_MINUTE: "3000",
};

/**
 * The portal as production runs it on a PostgreSQL server (src/server/portal-processes.ts):
 * several processes sharing one port, each connection handed to one of them in turn. Two here,
 * the default on these 2-core machines, set explicitly so that the specs under tests/e2e/cluster
 * always have two processes to tell apart. On 127.0.0.1, not localhost: the browser keeps its
 * cookies per host, so this server's sessions and the other's never meet.
 */
const clusterPort = port + 1;
const clusterDatabaseUrl = process.env.E2E_CLUSTER_DATABASE_URL;
function clusterServer(databaseUrl: string) {
  return {
    command: SERVER_COMMAND,
    url: `http://127.0.0.1:${clusterPort}/api/health`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: "ignore" as const,
    stderr: "pipe" as const,
    env: {
      ...serverEnv,
      DATABASE_URL: databaseUrl,
      PORTAL_PROCESSES: "2",
      DB_POOL_SIZE: "4",
      // Where scripts/e2e.mjs seeded it: its secrets (which sealed the personas' TOTP secrets and
      // files), its e-mails (.eml files, no SMTP_URL) apart from the other server's.
      DATA_DIR: process.env.E2E_CLUSTER_DATA_DIR ?? `${dataDir}-cluster`,
      PORT: String(clusterPort),
      HOSTNAME: "127.0.0.1",
    },
  };
}

export default defineConfig({
  testDir: "tests/e2e",
  // One seeded database for the run; specs change it (uploads, links), so one worker, in order.
  workers: 1,
  fullyParallel: false,
  forbidOnly: true,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  // The list, then a short account of each failure for the end of CI's log (failures-reporter.ts).
  reporter: [["list"], ["./tests/e2e/helpers/failures-reporter.ts"]],
  use: {
    baseURL: `http://localhost:${port}`,
    locale: "fr-FR",
    timezoneId: "Europe/Paris",
    // DOM snapshots and network, kept for a failed test; no screenshot at every action, which
    // Chromium renders in software on these machines (a CPU cost paid by every passing test).
    trace: { mode: "retain-on-failure", screenshots: false, snapshots: true },
    ...devices["Desktop Chrome"],
    launchOptions: {
      executablePath: existsSync(chromium) ? chromium : undefined,
      // Root has no sandbox; the machines have no internet, so Chromium must not try to phone home.
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  projects: [
    { name: "portal", testIgnore: /cluster\// },
    // Only with a PostgreSQL server to run it on (scripts/e2e.mjs): see `clusterServer`.
    ...(clusterDatabaseUrl ? [{ name: "cluster", testMatch: /cluster\/.*\.spec\.ts$/, use: { baseURL: `http://127.0.0.1:${clusterPort}` } }] : []),
  ],
  webServer: [
    {
      command: SERVER_COMMAND,
      url: `http://localhost:${port}/api/health`,
      reuseExistingServer: false,
      timeout: 120_000,
      stdout: "ignore",
      stderr: "pipe",
      env: {
        ...serverEnv,
        DATA_DIR: dataDir,
        // No APP_URL: as in a demo, the address follows PORT and the loopback address used
        // (sign-in.spec.ts signs in on 127.0.0.1 as well as on localhost).
        PORT: String(port),
        HOSTNAME: "localhost",
      },
    },
    ...(clusterDatabaseUrl ? [clusterServer(clusterDatabaseUrl)] : []),
  ],

});
