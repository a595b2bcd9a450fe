import { PGlite } from "@electric-sql/pglite";
import pg from "pg";

/**
 * The two ways we reach PostgreSQL: the embedded PGlite (a directory, or memory) or a server URL.
 * The migration runner and the test harness need plain SQL with several statements per call,
 * which Prisma's raw queries do not take, so they use this small driver; the app uses Prisma
 * over the same connection (see client.ts).
 */
export type DatabaseTarget = { kind: "pglite"; dataDir: string | undefined } | { kind: "server"; url: string };

export interface SqlDriver {
  /** Runs one or more statements with no parameters. */
  exec(sql: string): Promise<void>;
  query<T extends Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  /** Runs `fn` on one connection inside BEGIN/COMMIT (ROLLBACK on error). */
  transaction<T>(fn: (tx: SqlDriver) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export function pgliteDriver(db: PGlite): SqlDriver {
  const wrap = (q: Pick<PGlite, "exec" | "query">): SqlDriver => ({
    async exec(sql) {
      await q.exec(sql);
    },
    async query<T extends Record<string, unknown>>(sql: string, params: unknown[] = []) {
      return (await q.query<T>(sql, params)).rows;
    },
    transaction: (fn) => db.transaction((tx) => fn(wrap(tx))),
    close: async () => undefined,
  });
  return { ...wrap(db), close: () => db.close() };
}

export function poolDriver(pool: pg.Pool): SqlDriver {
  const onClient = (client: pg.PoolClient): SqlDriver => ({
    async exec(sql) {
      await client.query(sql);
    },
    async query<T extends Record<string, unknown>>(sql: string, params: unknown[] = []) {
      return (await client.query<T>(sql, params)).rows;
    },
    transaction: (fn) => fn(onClient(client)),
    close: async () => undefined,
  });
  return {
    async exec(sql) {
      await pool.query(sql);
    },
    async query<T extends Record<string, unknown>>(sql: string, params: unknown[] = []) {
      return (await pool.query<T>(sql, params)).rows;
    },
    async transaction(fn) {
      const client = await pool.connect();
      try {
        await client.query("BEGIN");
        const result = await fn(onClient(client));
        await client.query("COMMIT");
        return result;
      } catch (error) {
        await client.query("ROLLBACK").catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}
