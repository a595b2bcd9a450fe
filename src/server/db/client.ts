import "@/server/server-only";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import { mkdirSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { env } from "../env";
import { secrets } from "../secrets";
import { APP_ROLE, appRoleLogsIn, appRolePassword, appRoleUrl, checkAppRole, setAppRolePassword } from "./app-role";
import { PrismaClient } from "./generated/prisma/client";
import { migrate } from "./migrate";
import { byteaCodec } from "./pglite-bytea";
import { closeCounters } from "./rate-limit-counter";
import { PipelinedReads } from "./pipelined-reads";
import { pgliteDriver, poolDriver, type DatabaseTarget, type SqlDriver } from "./sql-driver";

/**
 * The database of this process. With DATABASE_URL it is that PostgreSQL server (through
 * node-postgres); without, PGlite persisted in DATA_DIR/pglite. Migrations run as the
 * DATABASE_URL (owner) role; afterwards the app works as `espace_sante_app`, which may not
 * rewrite the audit trail (see the audit_chain migration and app-role.ts).
 */
export { APP_ROLE };

/** The application_name of the connections that carry the pipelined reads. */
export const READS_APPLICATION_NAME = "espace-sante-lectures";

export type Database = { prisma: PrismaClient; sql: SqlDriver; target: DatabaseTarget };

export function currentTarget(): DatabaseTarget {
  const e = env();
  return e.DATABASE_URL
    ? { kind: "server", url: e.DATABASE_URL }
    : { kind: "pglite", dataDir: path.resolve(e.DATA_DIR, "pglite") };
}

/**
 * Prisma's default (wait 2 s for a connection, 5 s per transaction) aborted correct writes on a
 * busy 2-core machine (seen in CI at a load of 15). Longer limits still end a transaction that hangs.
 */
const TRANSACTIONS = { maxWait: 10_000, timeout: 30_000 };

export type OpenOptions = {
  poolSize?: number;
  /** Connections on which plain reads are pipelined (DB_READ_CONNECTIONS); 0: none, every read on the pool. */
  readConnections?: number;
  /** PGlite only: start from this dump (`dumpDataDir()`), e.g. a migrated template in tests. */
  loadDataDir?: Blob;
};

export async function openDatabase(target: DatabaseTarget, options: OpenOptions = {}): Promise<Database> {
  if (target.kind === "pglite") {
    // PGlite creates its own folder but not the data directory above it.
    if (target.dataDir) mkdirSync(path.dirname(target.dataDir), { recursive: true });
    // One options object: PGlite 0.5 drops the second argument when the first (the folder) is undefined.
    const pglite = new PGlite({ dataDir: target.dataDir, ...byteaCodec, ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}) });
    await pglite.waitReady;
    const owner = pgliteDriver(pglite);
    await migrate(owner);
    // PGlite has one in-process connection, always logged in as its superuser: the app can only
    // switch it to its role, and SQL on it could RESET ROLE. This cannot be fixed in PGlite;
    // deployments that need the trail protected from the app's own SQL use a server
    // (tests/integration/db/app-role.test.ts shows both).
    await pglite.exec(`SET ROLE ${APP_ROLE}`);
    return { prisma: new PrismaClient({ adapter: new PrismaPGlite(pglite), transactionOptions: TRANSACTIONS }), sql: owner, target };
  }
  // The owner's credentials serve only here: migrate, then let the app's role log in.
  // Every process opening this server must share AUTH_SECRET (see app-role.ts).
  const password = appRolePassword(env().APP_ENV, secrets().authSecret);
  const appUrl = appRoleUrl(target.url, password);
  const ownerPool = new pg.Pool({ connectionString: target.url, max: 1 });
  ownerPool.on("error", (error) => console.error(`Connexion PostgreSQL inactive fermée : ${error.message}`));
  try {
    const owner = poolDriver(ownerPool);
    await migrate(owner);
    await checkAppRole(owner);
    if (!(await appRoleLogsIn(appUrl))) await setAppRolePassword(owner, password);
  } finally {
    await ownerPool.end();
  }
  // Logged in AS the app's role (not switched to it): RESET ROLE leads nowhere else.
  // Idle connections are kept 5 minutes, not node-postgres's 10 s: each connection holds the
  // statements it prepared (sql-driver.ts), and PostgreSQL plans a prepared statement afresh on
  // its first five runs. A connection closed after a 10 s lull took its plans with it, and its
  // replacement paid for them again: on the pages bench's world, the documents facets' statement
  // took 0.48 ms to parse and 1.57 ms to bind (plan) on a new connection, 0.07 ms to bind on a
  // warm one (statement log, issue 16). After a 12 s lull, one view each of four pages (the
  // professional's record, documents, a prescription, history) took 195-282 ms in all with 10 s,
  // 84-126 ms with 5 minutes (5 lulls each, same build otherwise). Ten idle connections per
  // process cost PostgreSQL little.
  const pool = new pg.Pool({ connectionString: appUrl, max: options.poolSize ?? env().DB_POOL_SIZE, idleTimeoutMillis: 5 * 60_000 });
  // An idle connection the server ends (restart, failover, a dropped database) must not crash the
  // process: without a listener, node-postgres rethrows it as an uncaught exception. The pool
  // replaces the connection on the next query.
  pool.on("error", (error) => console.error(`Connexion PostgreSQL inactive fermée : ${error.message}`));
  const readConnections = options.readConnections ?? env().DB_READ_CONNECTIONS;
  // Named, so that an operator's pg_stat_activity tells them from the pool's.
  const reads = readConnections > 0 ? new PipelinedReads({ connectionString: appUrl, application_name: READS_APPLICATION_NAME }, readConnections) : undefined;
  return { prisma: new PrismaClient({ adapter: new PrismaPg(pool), transactionOptions: TRANSACTIONS }), sql: poolDriver(pool, reads), target };
}

/** Where a database lives, in the words the command-line scripts print. */
export function describeTarget(target: DatabaseTarget): string {
  return target.kind === "pglite" ? `PGlite (${target.dataDir ?? "en mémoire"})` : "serveur PostgreSQL (DATABASE_URL)";
}

/** Ends a database's connections (scripts and tests; the app keeps its own until it exits). */
export async function closeDatabase(db: Database): Promise<void> {
  await closeCounters(db.sql);
  await db.prisma.$disconnect();
  // On a server, the Prisma adapter may already have ended the shared pool.
  await db.sql.close().catch(() => undefined);
}

// Kept on globalThis so that Next's dev server reloading modules does not open a second PGlite
// on the same directory.
const holder = globalThis as unknown as { __espaceSanteDb?: Promise<Database> };

export function database(): Promise<Database> {
  holder.__espaceSanteDb ??= openDatabase(currentTarget());
  return holder.__espaceSanteDb;
}

/** For tests and scripts: use this database for the rest of the process. */
export function setDatabase(db: Promise<Database>) {
  holder.__espaceSanteDb = db;
}
