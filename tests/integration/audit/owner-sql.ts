import pg from "pg";
import { APP_ROLE, type Database } from "@/server/db/client";
import { poolDriver, type SqlDriver } from "@/server/db/sql-driver";

/**
 * SQL as the database owner (a superuser here), the way someone with the server's credentials
 * could tamper with the trail: on PGlite, the one connection leaves the app's role for the call;
 * on a server, a connection without the role switch.
 */
export async function asOwner<T>(db: Database, fn: (sql: SqlDriver) => Promise<T>): Promise<T> {
  if (db.target.kind === "pglite") {
    await db.sql.exec("RESET ROLE");
    try {
      return await fn(db.sql);
    } finally {
      await db.sql.exec(`SET ROLE ${APP_ROLE}`);
    }
  }
  const pool = new pg.Pool({ connectionString: db.target.url, max: 1 });
  try {
    return await fn(poolDriver(pool));
  } finally {
    await pool.end();
  }
}

/** Runs `statements` as the owner with every trigger off (replica mode), in one transaction. */
export async function tamper(db: Database, statements: { sql: string; params?: unknown[] }[]): Promise<void> {
  await asOwner(db, (owner) =>
    owner.transaction(async (tx) => {
      await tx.exec("SET LOCAL session_replication_role = replica");
      for (const statement of statements) await tx.query(statement.sql, statement.params ?? []);
    }),
  );
}
