import { PGlite } from "@electric-sql/pglite";
import { cp, mkdtemp, readdir, rm, writeFile, appendFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listMigrations, migrate, WITHOUT_TRANSACTION, type MigrationResult } from "@/server/db/migrate";
import { pgliteDriver, poolDriver, type SqlDriver } from "@/server/db/sql-driver";
import { createServerDatabase } from "../../setup/server-database";

/**
 * The world's setup may take more than the usual minute: CI runs this file on PGlite in the
 * background at the lowest CPU priority, beside the whole suite (.ci/run), and on a slow host its
 * setup once took over 60 s there (a hook timeout, nothing failing).
 */
const SETUP_TIMEOUT_MS = 180_000;

// Two processes starting at once (two app instances, or the app and `npm run db:migrate`) must
// both succeed and apply each migration once. On a server they are two connection pools on a new,
// empty database; on PGlite (one process by nature) two calls racing on the same instance.
type Engine = { label: string; drivers: [SqlDriver, SqlDriver]; close: () => Promise<void> };

async function emptyDatabase(): Promise<Engine> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    const pglite = new PGlite();
    const driver = pgliteDriver(pglite);
    return { label: "PGlite", drivers: [driver, driver], close: () => pglite.close() };
  }
  const database = await createServerDatabase(serverUrl, "migrate");
  const pools = [0, 1].map(() => new pg.Pool({ connectionString: database.url, max: 2 }));
  return {
    label: "PostgreSQL server",
    drivers: [poolDriver(pools[0]!), poolDriver(pools[1]!)],
    close: async () => {
      await Promise.all(pools.map((pool) => pool.end()));
      await database.drop();
    },
  };
}

let engine: Engine;
let allNames: string[];
let firstRuns: MigrationResult[];

beforeAll(async () => {
  engine = await emptyDatabase();
  allNames = (await listMigrations()).map((m) => m.name);
  firstRuns = await Promise.all(engine.drivers.map((driver) => migrate(driver)));
}, SETUP_TIMEOUT_MS);

afterAll(async () => {
  await engine?.close();
});

describe("migrate()", () => {
  it("applies every migration exactly once when two runs start together", async () => {
    const applied = firstRuns.flatMap((run) => run.applied).sort();
    expect(applied).toEqual(allNames);
    const recorded = await engine.drivers[0].query<{ name: string }>("SELECT name FROM _app_migrations ORDER BY name");
    expect(recorded.map((r) => r.name)).toEqual(allNames);
  });

  it("does nothing on a database that is up to date", async () => {
    const again = await migrate(engine.drivers[1]);
    expect(again).toEqual({ applied: [], alreadyApplied: allNames.length });
  });

  describe("with a copy of the migrations folder", () => {
    let dir: string;
    beforeAll(async () => {
      dir = await mkdtemp(path.join(os.tmpdir(), "migrations-"));
      await cp(path.join(process.cwd(), "prisma", "migrations"), dir, { recursive: true });
    });
    afterAll(async () => {
      await rm(dir, { recursive: true, force: true });
    });

    it("rolls back a failing migration and does not record it", async () => {
      const broken = path.join(dir, "29991231235959_broken");
      await cp(path.join(dir, allNames[0]!), broken, { recursive: true });
      await writeFile(path.join(broken, "migration.sql"), "CREATE TABLE half_done (id int);\nSELECT 1/0;\n");
      await expect(migrate(engine.drivers[0], dir)).rejects.toThrow(/29991231235959_broken failed/);
      const [table] = await engine.drivers[0].query<{ found: string | null }>("SELECT to_regclass('half_done')::text AS found");
      expect(table?.found).toBeNull();
      const recorded = await engine.drivers[0].query("SELECT 1 FROM _app_migrations WHERE name = '29991231235959_broken'");
      expect(recorded).toHaveLength(0);
      await rm(broken, { recursive: true });
    });

    it("runs a migration marked « without transaction » one statement at a time, once, even when two runs start together", async () => {
      const concurrent = path.join(dir, "29991231235958_concurrent_index");
      await cp(path.join(dir, allNames[0]!), concurrent, { recursive: true });
      await writeFile(
        path.join(concurrent, "migration.sql"),
        `${WITHOUT_TRANSACTION}\n-- CONCURRENTLY refuses a transaction block.\nCREATE TABLE IF NOT EXISTS conc_t (a int);\nDROP INDEX CONCURRENTLY IF EXISTS conc_i;\nCREATE INDEX CONCURRENTLY conc_i ON conc_t (a);\n`,
      );
      const runs = await Promise.all(engine.drivers.map((driver) => migrate(driver, dir)));
      expect(runs.flatMap((run) => run.applied)).toEqual(["29991231235958_concurrent_index"]);
      const [index] = await engine.drivers[0].query<{ valid: boolean }>(
        "SELECT i.indisvalid AS valid FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid WHERE c.relname = 'conc_i'",
      );
      expect(index?.valid).toBe(true);
      await rm(concurrent, { recursive: true });
    });

    it("keeps a run that waits for another's out of any transaction, so that an index built CONCURRENTLY meanwhile never waits for it", async () => {
      // Each migration once took the lock in its own transaction: the waiting run, polling inside
      // one, was caught mid-poll by the holder's CREATE INDEX CONCURRENTLY, which then waited for
      // that transaction's end while it waited for the lock (CI hung for its whole timeout).
      const slow = path.join(dir, "29991231235956_slow");
      await cp(path.join(dir, allNames[0]!), slow, { recursive: true });
      await writeFile(path.join(slow, "migration.sql"), "SELECT pg_sleep(1.5);\n");
      const first = migrate(engine.drivers[0], dir);
      await new Promise((resolve) => setTimeout(resolve, 300));
      const second = migrate(engine.drivers[1], dir);
      const idleInTransaction: number[] = [];
      for (let i = 0; i < 8; i++) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        const [row] = await engine.drivers[0].query<{ n: number }>(
          "SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND state = 'idle in transaction'",
        );
        idleInTransaction.push(row?.n ?? 0);
      }
      const runs = await Promise.all([first, second]);
      expect(runs.map((run) => run.applied)).toEqual([["29991231235956_slow"], []]);
      expect(idleInTransaction).toEqual([0, 0, 0, 0, 0, 0, 0, 0]);
      await rm(slow, { recursive: true });
    });

    it("leaves a failed « without transaction » migration unrecorded, and runs it again from its start once fixed", async () => {
      const failing = path.join(dir, "29991231235957_concurrent_failing");
      await cp(path.join(dir, allNames[0]!), failing, { recursive: true });
      const file = path.join(failing, "migration.sql");
      await writeFile(file, `${WITHOUT_TRANSACTION}\nCREATE TABLE IF NOT EXISTS half_conc (id int);\nSELECT 1/0;\n`);
      await expect(migrate(engine.drivers[0], dir)).rejects.toThrow(/29991231235957_concurrent_failing failed/);
      // Each statement committed on its own: what ran before the failure stays.
      const [table] = await engine.drivers[0].query<{ found: string | null }>("SELECT to_regclass('half_conc')::text AS found");
      expect(table?.found).toBe("half_conc");
      expect(await engine.drivers[0].query("SELECT 1 FROM _app_migrations WHERE name = '29991231235957_concurrent_failing'")).toHaveLength(0);
      await writeFile(file, `${WITHOUT_TRANSACTION}\nCREATE TABLE IF NOT EXISTS half_conc (id int);\n`);
      expect((await migrate(engine.drivers[1], dir)).applied).toEqual(["29991231235957_concurrent_failing"]);
      await rm(failing, { recursive: true });
    });

    it("refuses a migration edited after it was applied", async () => {
      const last = (await readdir(dir)).filter((name) => /^\d{14}_/.test(name)).sort().at(-1)!;
      await appendFile(path.join(dir, last, "migration.sql"), "\n-- edited afterwards\n");
      await expect(migrate(engine.drivers[0], dir)).rejects.toThrow(/was changed after it was applied/);
    });
  });
});
