import { PGlite } from "@electric-sql/pglite";
import { createHash } from "node:crypto";
import pg from "pg";
import { isPlainRead } from "./plain-read";
import type { PipelinedReads } from "./pipelined-reads";

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
  /** Runs `fn` on one connection, each statement committed on its own (a session-level lock, CONCURRENTLY). */
  session<T>(fn: (conn: SqlDriver) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/**
 * PGlite's sessions, one after the other: it is one connection, so a session-level lock taken by
 * one caller is re-entered by any other; two migration runs racing in one process (the tests do)
 * must not run the same statements at once.
 */
const pgliteSessions = new WeakMap<PGlite, Promise<unknown>>();

function oneSessionAtATime<T>(db: PGlite, fn: () => Promise<T>): Promise<T> {
  const run = (pgliteSessions.get(db) ?? Promise.resolve()).then(fn);
  pgliteSessions.set(db, run.catch(() => undefined));
  return run;
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
    // PGlite is one connection: every call is already on it.
    session: (fn) => oneSessionAtATime(db, () => fn(wrap(db))),
    close: async () => undefined,
  });
  return { ...wrap(db), close: () => db.close() };
}

/**
 * Statements with parameters are prepared once per connection and then run by name: PostgreSQL
 * skips parsing and planning them again. On the read benchmark's two queries (session, search)
 * that took the bare driver from 2,700 to 4,300 searches/s here (issue 3). Texts are the app's
 * own, values always travel as parameters, so they come in a bounded set of shapes; past
 * MAX_PREPARED distinct texts new ones run unnamed, so a text that carried values by mistake
 * could not make every connection's memory grow without end.
 */
const MAX_PREPARED = 1000;
const preparedNames = new Map<string, string>();

export function statement(text: string, values: unknown[]): pg.QueryConfig {
  if (values.length === 0) return { text };
  let name = preparedNames.get(text);
  if (!name && preparedNames.size < MAX_PREPARED) {
    name = `es_${createHash("sha256").update(text).digest("hex").slice(0, 32)}`;
    preparedNames.set(text, name);
  }
  return name ? { name, text, values } : { text, values };
}

/**
 * The driver on a server: transactions, sessions and writes on the pool; with `reads`, the plain
 * reads outside them pipelined on its few connections (pipelined-reads.ts says why).
 */
export function poolDriver(pool: pg.Pool, reads?: PipelinedReads): SqlDriver {
  const onClient = (client: pg.PoolClient): SqlDriver => ({
    async exec(sql) {
      await client.query(sql);
    },
    async query<T extends Record<string, unknown>>(sql: string, params: unknown[] = []) {
      return (await client.query<T>(statement(sql, params))).rows;
    },
    transaction: (fn) => fn(onClient(client)),
    session: (fn) => fn(onClient(client)),
    close: async () => undefined,
  });
  return {
    async exec(sql) {
      await pool.query(sql);
    },
    async query<T extends Record<string, unknown>>(sql: string, params: unknown[] = []) {
      if (reads && isPlainRead(sql)) return reads.query<T>(statement(sql, params));
      return (await pool.query<T>(statement(sql, params))).rows;
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
    async session(fn) {
      const client = await pool.connect();
      let failed = false;
      try {
        return await fn(onClient(client));
      } catch (error) {
        failed = true;
        throw error;
      } finally {
        // A connection left in an unknown state (a lock it may still hold) is closed, not pooled.
        client.release(failed);
      }
    },
    async close() {
      await reads?.close();
      await pool.end();
    },
  };
}
