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
    await tx.query("SELECT pg_advisory_xact_lock($1)", [MIGRATION_LOCK]);
    await tx.exec(`CREATE TABLE IF NOT EXISTS _app_migrations (
      name text PRIMARY KEY, checksum text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
  });
  const applied: string[] = [];
  let alreadyApplied = 0;
  for (const migration of migrations) {
    // One transaction per migration. The transaction-scoped advisory lock serialises processes
    // that start together; whoever waits re-reads the table once it holds the lock.
    const ran = await driver.transaction(async (tx) => {
      await tx.query("SELECT pg_advisory_xact_lock($1)", [MIGRATION_LOCK]);
      const [row] = await tx.query<{ checksum: string }>("SELECT checksum FROM _app_migrations WHERE name = $1", [
        migration.name,
      ]);
      if (row) {
        if (row.checksum !== migration.checksum) {
          throw new Error(`Migration ${migration.name} was changed after it was applied; add a new migration instead.`);
        }
        return false;
      }
      try {
        await tx.exec(migration.sql);
      } catch (error) {
        throw new Error(`Migration ${migration.name} failed: ${(error as Error).message}`, { cause: error });
      }
      await tx.query("INSERT INTO _app_migrations (name, checksum) VALUES ($1, $2)", [migration.name, migration.checksum]);
      return true;
    });
    if (ran) applied.push(migration.name);
    else alreadyApplied++;
  }
  return { applied, alreadyApplied };
}
