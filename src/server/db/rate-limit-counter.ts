import "@/server/server-only";
import type { Queryable } from "./queryable";

/**
 * A fixed-window rate limit that costs the request no database round trip: hits are counted in
 * the process and added to the shared rate_limit table in the background (one statement for
 * every key that moved), and each flush brings back the total of every process. A request is
 * allowed while what is known of the window (the table's total at the last flush, what is
 * being flushed, what waits here) is under the limit.
 *
 * Several processes share the table, so one may allow hits another has counted but not yet
 * flushed: at most, per process, `flushEvery` hits plus those arriving during one flush round
 * trip. A flush starts as soon as `flushEvery` hits of a key wait, or `flushAfterMs` after the first.
 * The window starts at the first hit any process flushed (the table's window_start), as in
 * rate-limit-store.ts, whose statement this shares.
 */
export type CounterHit = { allowed: true } | { allowed: false; retryAfterMs: number };

type Window = { start: number; known: number; inFlight: number; pending: number };

export type CounterOptions = { limit: number; windowMs: number; flushEvery?: number; flushAfterMs?: number };

const FLUSH = `
  INSERT INTO rate_limit AS r (key, count, window_start)
  SELECT * FROM unnest($1::text[], $2::int[], $3::timestamptz[])
  ON CONFLICT (key) DO UPDATE SET
    count = CASE WHEN r.window_start <= $4::timestamptz THEN excluded.count ELSE r.count + excluded.count END,
    window_start = CASE WHEN r.window_start <= $4::timestamptz THEN excluded.window_start ELSE r.window_start END
  RETURNING key, count, window_start`;

export class RateLimitCounter {
  private readonly windows = new Map<string, Window>();
  private flushing: Promise<void> | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  readonly limit: number;
  readonly windowMs: number;
  private readonly flushEvery: number;
  private readonly flushAfterMs: number;
  private closed = false;

  constructor(
    private readonly db: Queryable,
    options: CounterOptions,
    private readonly clock: () => number = Date.now,
  ) {
    this.limit = options.limit;
    this.windowMs = options.windowMs;
    // A twentieth of the limit: a process overshoots by about 5% at most, and an account far
    // under its limit costs the database one statement every flushAfterMs, whatever its pace.
    this.flushEvery = options.flushEvery ?? Math.max(1, Math.ceil(options.limit / 20));
    this.flushAfterMs = options.flushAfterMs ?? 250;
  }

  /** Counts one hit of `key` if the window has room; refused hits are not counted. */
  hit(key: string, now: number): CounterHit {
    const window = this.windowOf(key, now);
    if (window.known + window.inFlight + window.pending >= this.limit) {
      return { allowed: false, retryAfterMs: Math.max(0, window.start + this.windowMs - now) };
    }
    window.pending++;
    if (window.pending >= this.flushEvery && !this.flushing) void this.flush();
    else this.later();
    return { allowed: true };
  }

  /** Whether the next hit of `key` would be refused, without counting one. */
  wouldRefuse(key: string, now: number): CounterHit {
    const window = this.windows.get(key);
    if (!window || now >= window.start + this.windowMs) return { allowed: true };
    if (window.known + window.inFlight + window.pending < this.limit) return { allowed: true };
    return { allowed: false, retryAfterMs: Math.max(0, window.start + this.windowMs - now) };
  }

  private windowOf(key: string, now: number): Window {
    let window = this.windows.get(key);
    if (!window || now >= window.start + this.windowMs) {
      // Hits still waiting belonged to a window that has ended: they no longer limit anyone.
      window = { start: now, known: 0, inFlight: 0, pending: 0 };
      this.windows.set(key, window);
    }
    return window;
  }

  private later(): void {
    if (!this.closed) this.timer ??= setTimeout(() => void this.flush(), this.flushAfterMs).unref?.();
  }

  /** Flushes what waits and stops: the pool is about to end (closeDatabase). Hits still count here. */
  async close(): Promise<void> {
    await this.flush();
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }

  /** Adds every waiting hit to the table; resolves once they are there (tests, shutdown). */
  async flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    if (this.closed) return;
    while (this.flushing) await this.flushing;
    if (![...this.windows.values()].some((w) => w.pending > 0)) return this.prune();
    let ok = false;
    this.flushing = this.flushOnce()
      .then((done) => void (ok = done))
      .finally(() => (this.flushing = undefined));
    await this.flushing;
    this.prune();
    // Hits that arrived during the round trip go in the next one, at once if there are many
    // (after a failure, only on the timer: a database that is down is not hammered).
    const waiting = [...this.windows.values()].reduce((n, w) => n + w.pending, 0);
    if (ok && waiting >= this.flushEvery) void this.flush();
    else if (waiting > 0) this.later();
  }

  private async flushOnce(): Promise<boolean> {
    const sent = [...this.windows.entries()].filter(([, w]) => w.pending > 0).sort(([a], [b]) => (a < b ? -1 : 1));
    const counts = sent.map(([, w]) => w.pending);
    for (const [, w] of sent) {
      w.inFlight += w.pending;
      w.pending = 0;
    }
    const now = this.clock();
    try {
      const rows = await this.db.query<{ key: string; count: number; window_start: Date | string }>(FLUSH, [
        sent.map(([key]) => key),
        counts,
        sent.map(([, w]) => new Date(w.start).toISOString()),
        new Date(now - this.windowMs).toISOString(),
      ]);
      const byKey = new Map(rows.map((row) => [row.key, row]));
      sent.forEach(([key, w], i) => {
        w.inFlight -= counts[i]!;
        const row = byKey.get(key);
        if (!row || this.windows.get(key) !== w) return;
        // The table's total includes this flush and every other process's.
        w.known = Number(row.count);
        w.start = new Date(row.window_start).getTime();
      });
      return true;
    } catch (error) {
      // The hits stay counted here and go with the next flush; a request never fails for this.
      sent.forEach(([, w], i) => {
        w.inFlight -= counts[i]!;
        w.pending += counts[i]!;
      });
      console.error("rate limit: flush failed", error);
      return false;
    }
  }

  private prune(): void {
    const now = this.clock();
    for (const [key, w] of this.windows) {
      if (now >= w.start + this.windowMs && w.pending === 0 && w.inFlight === 0) this.windows.delete(key);
    }
  }
}

const registry = new WeakMap<Queryable, Map<string, RateLimitCounter>>();

/** The counter `name` of a connection pool: one per process and database. */
export function counterFor(db: Queryable, name: string, options: CounterOptions): RateLimitCounter {
  let counters = registry.get(db);
  if (!counters) registry.set(db, (counters = new Map()));
  let counter = counters.get(name);
  if (!counter) counters.set(name, (counter = new RateLimitCounter(db, options)));
  return counter;
}

/** Flushes and stops the counters of a pool before it ends. */
export async function closeCounters(db: Queryable): Promise<void> {
  await Promise.all([...(registry.get(db)?.values() ?? [])].map((counter) => counter.close()));
  registry.delete(db);
}
