/**
 * `npm run db:migrate`: applies the committed SQL migrations (prisma/migrations) to the database
 * of this environment (PGlite in DATA_DIR, or DATABASE_URL), in order, each in a transaction,
 * under an advisory lock; a no-op when up to date. The app does the same when it opens the
 * database (src/server/db/client.ts); this script lets a deployment migrate before it starts.
 */
import { PGlite } from "@electric-sql/pglite";
import { mkdirSync } from "node:fs";
import pg from "pg";
import { currentTarget, describeTarget } from "@/server/db/client";
import { migrate } from "@/server/db/migrate";
import { pgliteDriver, poolDriver, type SqlDriver } from "@/server/db/sql-driver";

async function main(): Promise<number> {
  const target = currentTarget();
  let driver: SqlDriver;
  if (target.kind === "pglite") {
    // PGlite creates its own folder, not the data directory above it.
    if (target.dataDir) mkdirSync(target.dataDir, { recursive: true });
    driver = pgliteDriver(new PGlite(target.dataDir));
  } else {
    driver = poolDriver(new pg.Pool({ connectionString: target.url, max: 1 }));
  }
  const where = describeTarget(target);
  try {
    const result = await migrate(driver);
    const applied = result.applied.length > 0 ? `appliquées : ${result.applied.join(", ")}` : "rien à appliquer";
    console.log(`Migrations de ${where} : ${applied} (${result.alreadyApplied} déjà en place).`);
    return 0;
  } finally {
    await driver.close().catch(() => undefined);
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error("Échec des migrations :", error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
