import "@/server/server-only";
import { ABSOLUTE_TIMEOUT_MS, IDLE_TIMEOUT_MS } from "../auth/session-policy";
import type { SqlDriver } from "./sql-driver";

/**
 * Deletes what can never count again, so the tables of sign-in and throttling do not grow
 * without bound (case 45): sessions the session policy refuses whatever happens next (revoked,
 * past their absolute or idle timeout, their account disabled or its stamp changed), sign-in
 * challenges past their expiry, rate-limit windows long over, and a file's bytes staged for a
 * document that was never created (the process stopped between the two: file-store.ts) once
 * STAGED_FILE_RETENTION_MS has passed, longer than any upload takes. The audit trail is never
 * purged: it is append-only, and the database refuses DELETE on it.
 *
 * One process at a time: the job takes a transaction-scoped advisory lock without waiting, and
 * a process that finds it taken leaves the work to the one holding it ("busy").
 */
export const PURGE_LOCK = 727_140_045;

/** Longer than every window counted in rate_limit (the longest, emergency access, is an hour). */
export const RATE_LIMIT_RETENTION_MS = 24 * 3600 * 1000;

/** An upload stages its bytes a moment before its document's transaction: an hour is far past any. */
export const STAGED_FILE_RETENTION_MS = 3600 * 1000;
/**
 * How far back the purge looks for them: it runs every 10 minutes in every live server, so a
 * leftover is found within the hour after its retention; looking at the last week only keeps
 * each run to the files of that week (by the created_at index) rather than every file stored.
 */
export const STAGED_FILE_LOOKBACK_MS = 7 * 24 * 3600 * 1000;

export type PurgeResult = { sessions: number; challenges: number; rateLimits: number; stagedFiles: number };

export async function purgeExpired(db: SqlDriver, now: Date): Promise<PurgeResult | "busy"> {
  return db.transaction(async (tx) => {
    const [lock] = await tx.query<{ taken: boolean }>("SELECT pg_try_advisory_xact_lock($1) AS taken", [PURGE_LOCK]);
    if (!lock?.taken) return "busy";
    const sessions = await tx.query(
      `DELETE FROM auth_session s USING account a
        WHERE a.id = s.account_id
          AND (s.revoked_at IS NOT NULL OR s.created_at < $1::timestamptz OR s.last_seen_at < $2::timestamptz
               OR a.disabled OR a.security_stamp <> s.security_stamp)
        RETURNING s.id`,
      [new Date(now.getTime() - ABSOLUTE_TIMEOUT_MS).toISOString(), new Date(now.getTime() - IDLE_TIMEOUT_MS).toISOString()],
    );
    const challenges = await tx.query("DELETE FROM sign_in_challenge WHERE expires_at < $1::timestamptz RETURNING id", [now.toISOString()]);
    const rateLimits = await tx.query("DELETE FROM rate_limit WHERE window_start < $1::timestamptz RETURNING key", [
      new Date(now.getTime() - RATE_LIMIT_RETENTION_MS).toISOString(),
    ]);
    // No Binary resource holds them: no document was created with them, and none ever will be.
    const stagedFiles = await tx.query(
      `DELETE FROM binary_content c
        WHERE c.created_at < $1::timestamptz AND c.created_at >= $2::timestamptz
          AND NOT EXISTS (SELECT 1 FROM fhir_resource b WHERE b.id = c.id AND b.resource_type = 'Binary')
        RETURNING c.id`,
      [new Date(now.getTime() - STAGED_FILE_RETENTION_MS).toISOString(), new Date(now.getTime() - STAGED_FILE_LOOKBACK_MS).toISOString()],
    );
    return { sessions: sessions.length, challenges: challenges.length, rateLimits: rateLimits.length, stagedFiles: stagedFiles.length };
  });
}
