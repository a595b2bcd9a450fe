import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import type { SqlDriver } from "./sql-driver";

/**
 * Applies the committed SQL migrations in prisma/migrations, in order, each in its own
 * transaction, recorded in `_app_migrations`. We run them ourselves because the Prisma CLI
 * needs a native schema engine that cannot be downloaded here, and because PGlite is
 * in-process where the CLI cannot reach it. An advisory lock makes two processes starting at
 * once safe: the second waits, then finds nothing left to do.
 */
const MIGRATION_LOCK = 727_140_001;

export type MigrationResult = { applied: string[]; alreadyApplied: number };

export async function listMigrations(dir = defaultMigrationsDir()) {
  // Not traced into the build output: the Dockerfile copies prisma/migrations beside the server.
  const names = (await readdir(/* turbopackIgnore: true */ dir, { withFileTypes: true }))
    .filter((entry) => entry.isDirectory() && /^\d{14}_[a-z0-9_]+$/.test(entry.name))
    .map((entry) => entry.name)
    .sort();
  return Promise.all(
    names.map(async (name) => {
      const sql = await readFile(/* turbopackIgnore: true */ path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    }),
  );
}

export function defaultMigrationsDir() {
  return path.join(process.cwd(), "prisma", "migrations");
}

export async function migrate(driver: SqlDriver, dir = defaultMigrationsDir()): Promise<MigrationResult> {
  const migrations = await listMigrations(dir);
  // One session-level lock for the whole run, waited for outside any transaction: see takeLock.
  return driver.session(async (conn) => {
    await takeLock(conn);
    try {
      // Under the lock: two processes creating the table at once would collide in pg_type.
      await conn.exec(`CREATE TABLE IF NOT EXISTS _app_migrations (
        name text PRIMARY KEY, checksum text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
      const applied: string[] = [];
      let alreadyApplied = 0;
      for (const migration of migrations) {
        if (await alreadyRecorded(conn, migration)) alreadyApplied++;
        else {
          await (withoutTransaction(migration.sql) ? applyOutside(conn, migration) : applyInTransaction(conn, migration));
          applied.push(migration.name);
        }
      }
      return { applied, alreadyApplied };
    } finally {
      await conn.query(`SELECT pg_advisory_unlock(${MIGRATION_LOCK})`);
    }
  });
}

type Migration = Awaited<ReturnType<typeof listMigrations>>[number];

/**
 * A migration whose first line is this marker runs outside a transaction, one statement at a
 * time: `CREATE INDEX CONCURRENTLY` (and its DROP) refuse to run in one, and without them an index
 * built on a large table blocks its writes for the whole build (a minute or more at millions of
 * rows, on every instance behind the database). Each statement commits on its own, so such a
 * migration is written to be run again from its start after a failure (DROP … IF EXISTS before
 * each CREATE: a failed concurrent build leaves an invalid index behind).
 */
export const WITHOUT_TRANSACTION = "-- migrate: without transaction";

function withoutTransaction(sql: string): boolean {
  return sql.startsWith(WITHOUT_TRANSACTION);
}

/**
 * The statements of a migration run outside a transaction: each ends with ";" at the end of a
 * line. No function bodies there (a "$$" would hide semicolons): such a migration is refused.
 */
export function statementsOf(sql: string): string[] {
  if (sql.includes("$$")) throw new Error("A migration run outside a transaction cannot hold a function body ($$).");
  const code = sql
    .split("\n")
    .filter((line) => !line.trim().startsWith("--"))
    .join("\n");
  return code
    .split(/;[ \t]*(?:\n|$)/)
    .map((statement) => statement.trim())
    .filter((statement) => statement.length > 0);
}

/**
 * One transaction per migration, opened by hand: inside a session the driver's transaction() is
 * the session's own connection, not a new BEGIN.
 */
async function applyInTransaction(conn: SqlDriver, migration: Migration): Promise<void> {
  await conn.exec("BEGIN");
  try {
    await run(conn, migration, migration.sql);
    await record(conn, migration);
    await conn.exec("COMMIT");
  } catch (error) {
    await conn.exec("ROLLBACK").catch(() => undefined);
    throw error;
  }
}

/** Statement by statement, each committed on its own (CREATE INDEX CONCURRENTLY refuses a transaction). */
async function applyOutside(conn: SqlDriver, migration: Migration): Promise<void> {
  for (const statement of statementsOf(migration.sql)) await run(conn, migration, statement);
  await record(conn, migration);
}

/**
 * The migrations' lock, held by the session for the whole run, and polled rather than waited
 * for, outside any transaction. A run waiting for it must hold no transaction open: the lock
 * holder's CREATE INDEX CONCURRENTLY waits for every transaction that had a snapshot when it
 * looked, to its end; a waiter polling inside a transaction, caught mid-poll, never ends it,
 * since it waits for the lock (the concurrent start hung in CI, once in many runs, when each
 * migration took the lock in its own transaction). A statement blocked on the lock would hold a
 * snapshot too, hence a try, as a plain query with the key written in, and a pause.
 */
async function takeLock(conn: SqlDriver): Promise<void> {
  for (;;) {
    const [row] = await conn.query<{ locked: boolean }>(`SELECT pg_try_advisory_lock(${MIGRATION_LOCK}) AS locked`);
    if (row?.locked) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Runs a migration's SQL; a failure names the migration. */
async function run(db: SqlDriver, migration: Migration, sql: string): Promise<void> {
  try {
    await db.exec(sql);
  } catch (error) {
    throw new Error(`Migration ${migration.name} failed: ${(error as Error).message}`, { cause: error });
  }
}

async function record(db: SqlDriver, migration: Migration): Promise<void> {
  await db.query("INSERT INTO _app_migrations (name, checksum) VALUES ($1, $2)", [migration.name, migration.checksum]);
}

async function alreadyRecorded(db: SqlDriver, migration: Migration): Promise<boolean> {
  const [row] = await db.query<{ checksum: string }>("SELECT checksum FROM _app_migrations WHERE name = $1", [migration.name]);
  if (!row) return false;
  if (row.checksum !== migration.checksum) {
    throw new Error(`Migration ${migration.name} was changed after it was applied; add a new migration instead.`);
  }
  return true;
}
