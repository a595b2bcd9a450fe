import { readFile } from "node:fs/promises";
import { afterAll, beforeAll, inject } from "vitest";
import { closeDatabase, openDatabase, setDatabase, type Database } from "../../src/server/db/client";
import { createServerDatabase } from "./server-database";

/**
 * Gives the calling test file a migrated database and makes it the process's `database()`:
 * on PGlite, a private in-memory copy of the migrated template; on a server
 * (TEST_DATABASE_URL), the run's fresh database, shared by the files of the run, so tests
 * create their own rows with fresh ids rather than assume an empty table.
 *
 *   const db = useTestDatabase();   // or useTestDatabase({ fresh: true }) for a database of its own
 *   it("…", async () => { const { prisma } = db(); … });
 */
export function useTestDatabase(options: { fresh?: boolean } = {}): () => Database {
  let current: FreshDatabase | undefined;
  beforeAll(async () => {
    const opening = options.fresh ? openFreshTestDatabase() : openTestDatabase().then((db) => ({ ...db, dispose: async () => undefined }));
    setDatabase(opening);
    current = await opening;
  }, 60_000);
  afterAll(async () => {
    if (current) {
      await closeDatabase(current);
      await current.dispose();
    }
    current = undefined;
  });
  return () => {
    if (!current) throw new Error("useTestDatabase(): the database is only available inside tests and hooks");
    return current;
  };
}

/** A database for this file without touching the process's `database()` (e.g. a second one). */
export async function openTestDatabase(): Promise<Database> {
  const info = inject("testDatabase");
  if (info.kind === "server") return openDatabase({ kind: "server", url: info.url }, { poolSize: 4 });
  const dump = new Blob([await readFile(info.templateFile)]);
  return openDatabase({ kind: "pglite", dataDir: undefined }, { loadDataDir: dump });
}

export { closeDatabase };

export type FreshDatabase = Database & { dispose: () => Promise<void> };

/**
 * A database nobody else uses, for tests that need exact emptiness or run migrations themselves:
 * on PGlite, the usual private copy; on a server, a new database copied for this file from the
 * run's migrated template (global-database.ts) and dropped when the run ends.
 */
export async function openFreshTestDatabase(): Promise<FreshDatabase> {
  const info = inject("testDatabase");
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (info.kind === "pglite" || !serverUrl) return { ...(await openTestDatabase()), dispose: async () => undefined };
  const created = await createServerDatabase(serverUrl, info.fileLabel, { template: info.template });
  const db = await openDatabase({ kind: "server", url: created.url }, { poolSize: 4 });
  // Dropped by the run's teardown (dropDatabasesSince), not here: see server-database.ts.
  return { ...db, dispose: async () => undefined };
}
