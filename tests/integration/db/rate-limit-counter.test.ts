import { randomUUID } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { RateLimitCounter } from "@/server/db/rate-limit-counter";
import { useTestDatabase } from "../../setup/test-database";

const db = useTestDatabase();

/**
 * The read limit's counter (src/server/db/rate-limit-counter.ts): counted in the process,
 * added to the shared rate_limit table in the background. Two counters on one database stand
 * for two processes of the portal.
 */
const WINDOW = 60_000;
const T0 = Date.parse("2026-11-30T10:00:00Z");

async function stored(key: string): Promise<{ count: number; start: number } | undefined> {
  const [row] = await db().prisma.$queryRawUnsafe<{ count: number; window_start: Date }[]>(
    "SELECT count, window_start FROM rate_limit WHERE key = $1",
    key,
  );
  return row ? { count: row.count, start: row.window_start.getTime() } : undefined;
}

const made: RateLimitCounter[] = [];

function counter(limit: number, flushEvery = 5, now = T0) {
  const c = new RateLimitCounter(db().sql, { limit, windowMs: WINDOW, flushEvery, flushAfterMs: 10 }, () => now);
  made.push(c);
  return c;
}

afterEach(async () => {
  await Promise.all(made.splice(0).map((c) => c.close()));
});

describe("a rate-limit counter flushed to PostgreSQL", () => {
  it("allows exactly the limit within one process, and the table ends with every allowed hit", async () => {
    const key = `test:${randomUUID()}`;
    const one = counter(25);
    const answers = Array.from({ length: 30 }, (_, i) => one.hit(key, T0 + i).allowed);
    expect(answers.filter(Boolean)).toHaveLength(25);
    expect(answers.slice(25).some(Boolean)).toBe(false);
    await one.flush();
    expect(await stored(key)).toEqual({ count: 25, start: T0 });
  });

  it("shares the window between processes once each has flushed", async () => {
    const key = `test:${randomUUID()}`;
    const a = counter(100);
    const b = counter(100);
    for (let i = 0; i < 60; i++) expect(a.hit(key, T0 + i).allowed).toBe(true);
    await a.flush();
    for (let i = 0; i < 5; i++) expect(b.hit(key, T0 + 100 + i).allowed).toBe(true);
    await b.flush();
    // b now knows a's 60: of the next 40 hits it allows the 35 left in the window.
    const allowed = Array.from({ length: 40 }, (_, i) => b.hit(key, T0 + 200 + i).allowed).filter(Boolean);
    expect(allowed).toHaveLength(35);
    await b.flush();
    expect((await stored(key))?.count).toBe(100);
  });

  it("loses no count when processes flush the same key at once", async () => {
    const key = `test:${randomUUID()}`;
    const counters = Array.from({ length: 4 }, () => counter(10_000, 1));
    for (const c of counters) for (let i = 0; i < 25; i++) c.hit(key, T0 + i);
    await Promise.all(counters.map((c) => c.flush()));
    expect((await stored(key))?.count).toBe(100);
  });

  it("refuses until the window has passed, then counts a new window from zero", async () => {
    const key = `test:${randomUUID()}`;
    const c = counter(3);
    for (let i = 0; i < 3; i++) c.hit(key, T0);
    const refused = c.hit(key, T0 + 20_000);
    expect(refused).toEqual({ allowed: false, retryAfterMs: 40_000 });
    await c.flush();
    const later = counter(3, 5, T0 + WINDOW);
    expect(later.hit(key, T0 + WINDOW).allowed).toBe(true);
    await later.flush();
    expect(await stored(key)).toEqual({ count: 1, start: T0 + WINDOW });
  });

  it("peeks without counting", async () => {
    const key = `test:${randomUUID()}`;
    const c = counter(2);
    expect(c.wouldRefuse(key, T0).allowed).toBe(true);
    c.hit(key, T0);
    expect(c.wouldRefuse(key, T0).allowed).toBe(true);
    expect(c.wouldRefuse(key, T0).allowed).toBe(true);
    c.hit(key, T0);
    expect(c.wouldRefuse(key, T0)).toEqual({ allowed: false, retryAfterMs: WINDOW });
  });
});
