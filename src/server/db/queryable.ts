import type { PrismaClient } from "./generated/prisma/client";
import type { TransactionClient } from "./generated/prisma/internal/prismaNamespace";
import type { SqlDriver } from "./sql-driver";

/**
 * One parameterised statement and its rows: what the store's reads need of the database. Reads
 * outside a transaction go straight to the driver (`Database.sql`): through Prisma the same raw
 * statement costs several times the CPU (its query interpreter), which the read benchmark
 * showed as a fifth of a request (issue 3). Inside a Prisma transaction, `inPrisma(tx)` keeps
 * the statement on the transaction's connection.
 */
export type Queryable = Pick<SqlDriver, "query">;

export function inPrisma(db: PrismaClient | TransactionClient): Queryable {
  return {
    query: <T extends Record<string, unknown>>(text: string, params: unknown[] = []) => db.$queryRawUnsafe<T[]>(text, ...params),
  };
}
