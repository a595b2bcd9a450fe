import "@/server/server-only";

/**
 * Whether a write failed on a unique constraint: Prisma's P2002, or PostgreSQL's own 23505
 * where the driver adapter passes the database's error through (its `cause`). For the few
 * writes where a unique index, not a check made before, settles a race between two requests.
 */
export function isUniqueViolation(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && typeof e === "object" && depth < 4; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (code === "P2002" || code === "23505") return true;
    const original = (e as { meta?: { driverAdapterError?: { cause?: { originalCode?: unknown; kind?: unknown } } } }).meta?.driverAdapterError?.cause;
    if (original?.originalCode === "23505" || original?.kind === "UniqueConstraintViolation") return true;
  }
  return false;
}
