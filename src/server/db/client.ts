import "server-only";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import { mkdirSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { env } from "../env";
import { PrismaClient } from "./generated/prisma/client";
import { migrate } from "./migrate";
import { pgliteDriver, poolDriver, type DatabaseTarget, type SqlDriver } from "./sql-driver";

/**
 * The database of this process. With DATABASE_URL it is that PostgreSQL server (through
 * node-postgres); without, PGlite persisted in DATA_DIR/pglite. Migrations run as the
 * connecting (owner) role; afterwards the app works as `espace_sante_app`, which may not
 * rewrite the audit trail (see the audit_chain migration).
 */
export const APP_ROLE = "espace_sante_app";

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
  /** PGlite only: start from this dump (`dumpDataDir()`), e.g. a migrated template in tests. */
  loadDataDir?: Blob;
};

export async function openDatabase(target: DatabaseTarget, options: OpenOptions = {}): Promise<Database> {
  if (target.kind === "pglite") {
    // PGlite creates its own folder but not the data directory above it.
    if (target.dataDir) mkdirSync(path.dirname(target.dataDir), { recursive: true });
    const pglite = new PGlite(target.dataDir, options.loadDataDir ? { loadDataDir: options.loadDataDir } : {});
    await pglite.waitReady;
    const owner = pgliteDriver(pglite);
    await migrate(owner);
    // One in-process connection: switch it to the app's role for good.
    await pglite.exec(`SET ROLE ${APP_ROLE}`);
    return { prisma: new PrismaClient({ adapter: new PrismaPGlite(pglite), transactionOptions: TRANSACTIONS }), sql: owner, target };
  }
  const ownerPool = new pg.Pool({ connectionString: target.url, max: 1 });
  try {
    await migrate(poolDriver(ownerPool));
  } finally {
    await ownerPool.end();
  }
  const poolConfig = { connectionString: target.url, max: options.poolSize ?? env().DB_POOL_SIZE, options: `-c role=${APP_ROLE}` };
  const pool = new pg.Pool(poolConfig);
  return { prisma: new PrismaClient({ adapter: new PrismaPg(pool), transactionOptions: TRANSACTIONS }), sql: poolDriver(pool), target };
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
