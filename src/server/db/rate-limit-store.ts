import "@/server/server-only";
import { database } from "./client";

/**
 * Fixed-window counters in the rate_limit table, shared by every process of the app (which an
 * in-memory counter would not be). One statement counts the hit and, when the window has
 * passed, starts a new one, so concurrent hits never lose a count.
 */
export type RateLimitHit = { allowed: boolean; count: number; resetAt: Date };

/**
 * Counts one hit of key $1 at $2 in a window that began after $3 (or starts one). Exported for
 * statements that write something else in the same breath (sign-in-refusal-store.ts).
 */
export const WINDOW_HIT_UPSERT = `INSERT INTO rate_limit AS r (key, count, window_start) VALUES ($1, 1, $2::timestamptz)
     ON CONFLICT (key) DO UPDATE SET
       count = CASE WHEN r.window_start <= $3::timestamptz THEN 1 ELSE r.count + 1 END,
       window_start = CASE WHEN r.window_start <= $3::timestamptz THEN $2::timestamptz ELSE r.window_start END`;

export async function hitRateLimit(key: string, limit: number, windowMs: number, now: Date): Promise<RateLimitHit> {
  const { sql } = await database();
  const windowStart = new Date(now.getTime() - windowMs);
  const [row] = await sql.query<{ count: number; window_start: Date | string }>(`${WINDOW_HIT_UPSERT}
     RETURNING count, window_start`, [key, now.toISOString(), windowStart.toISOString()]);
  if (!row) throw new Error("rate_limit upsert returned nothing");
  const started = new Date(row.window_start);
  return { allowed: row.count <= limit, count: row.count, resetAt: new Date(started.getTime() + windowMs) };
}

/** Forgets a counter (e.g. the account-and-address one after a successful sign-in). */
export async function clearRateLimit(key: string): Promise<void> {
  const { sql } = await database();
  await sql.query("DELETE FROM rate_limit WHERE key = $1", [key]);
}

/**
 * Gives back one hit taken before an attempt that turned out to succeed: attempts are counted
 * up front (so parallel guesses cannot slip past the limit), but only failures should stay.
 */
export async function refundRateLimit(key: string): Promise<void> {
  const { sql } = await database();
  await sql.query("UPDATE rate_limit SET count = GREATEST(count - 1, 0) WHERE key = $1", [key]);
}

/**
 * Failure streaks (growing sign-in delays, throttle-policy.ts), in the same table under their own
 * keys: `count` is the failures in a row and `window_start` the time of the last one. A streak
 * with no failure for `forgetMs` starts again from one.
 */
export type FailureStreak = { failures: number; lastFailureAt: Date };

export async function readFailureStreaks(keys: string[], forgetMs: number, now: Date): Promise<FailureStreak[]> {
  if (keys.length === 0) return [];
  const { sql } = await database();
  const rows = await sql.query<{ count: number; window_start: Date | string }>(
    "SELECT count, window_start FROM rate_limit WHERE key = ANY($1::text[]) AND window_start > $2",
    [keys, new Date(now.getTime() - forgetMs).toISOString()],
  );
  return rows.map((row) => ({ failures: row.count, lastFailureAt: new Date(row.window_start) }));
}

/** Counts one failure of streak $1 at $2, starting again from one when the last was before $3. */
export const FAILURE_STREAK_UPSERT = `INSERT INTO rate_limit AS r (key, count, window_start) VALUES ($1, 1, $2::timestamptz)
     ON CONFLICT (key) DO UPDATE SET
       count = CASE WHEN r.window_start <= $3::timestamptz THEN 1 ELSE r.count + 1 END,
       window_start = GREATEST(r.window_start, $2::timestamptz)`;

export async function recordFailureStreak(key: string, forgetMs: number, now: Date): Promise<void> {
  const { sql } = await database();
  await sql.query(FAILURE_STREAK_UPSERT, [key, now.toISOString(), new Date(now.getTime() - forgetMs).toISOString()]);
}
