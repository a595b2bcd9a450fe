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
  await driver.transaction(async (tx) => {
    // Under the lock: two processes creating the table at once would collide in pg_type.
    await takeLock(tx, "pg_try_advisory_xact_lock");
    await tx.exec(`CREATE TABLE IF NOT EXISTS _app_migrations (
      name text PRIMARY KEY, checksum text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
  });
  const applied: string[] = [];
  let alreadyApplied = 0;
  for (const migration of migrations) {
    const ran = withoutTransaction(migration.sql) ? await applyOutside(driver, migration) : await applyInTransaction(driver, migration);
    if (ran) applied.push(migration.name);
    else alreadyApplied++;
  }
  return { applied, alreadyApplied };
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

/** One transaction per migration. The transaction-scoped advisory lock serialises processes that start together; whoever waits re-reads the table once it holds the lock. */
async function applyInTransaction(driver: SqlDriver, migration: Migration): Promise<boolean> {
  return driver.transaction(async (tx) => {
    await takeLock(tx, "pg_try_advisory_xact_lock");
    if (await alreadyRecorded(tx, migration)) return false;
    await run(tx, migration, migration.sql);
    await record(tx, migration);
    return true;
  });
}

/** The same lock, held by the session (the same key as the transactions' lock: they exclude each other). */
async function applyOutside(driver: SqlDriver, migration: Migration): Promise<boolean> {
  const statements = statementsOf(migration.sql);
  return driver.session(async (conn) => {
    await takeLock(conn, "pg_try_advisory_lock");
    try {
      if (await alreadyRecorded(conn, migration)) return false;
      for (const statement of statements) await run(conn, migration, statement);
      await record(conn, migration);
      return true;
    } finally {
      await conn.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK]);
    }
  });
}

/**
 * The migrations' lock, polled rather than waited for: a process waiting on it must hold no
 * snapshot, or the lock holder's CREATE INDEX CONCURRENTLY waits for that process, which waits
 * for the lock (it hung the concurrent-start test). A statement blocked on the lock holds one;
 * so does a query with parameters in an open transaction (its portal keeps its snapshot until
 * the transaction ends). Hence a try, as a plain query with the key written in, and a pause.
 */
async function takeLock(db: SqlDriver, attempt: "pg_try_advisory_xact_lock" | "pg_try_advisory_lock"): Promise<void> {
  for (;;) {
    const [row] = await db.query<{ locked: boolean }>(`SELECT ${attempt}(${MIGRATION_LOCK}) AS locked`);
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
