import type { Database } from "@/server/db/client";

/**
 * A transaction of the test's own holding row locks (`lock`) until released, then rolled back, so
 * that a race the tests want to see (two requests, or a request and a job) is made to happen
 * rather than waited for by luck. `waiting()` counts the statements held up by it, directly or
 * behind one that is (the test database is shared by the files of a run: only these count).
 */
export async function holding(db: () => Database, lock: string, params: unknown[]) {
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  let pid = 0;
  let locked = () => {};
  const ready = new Promise<void>((resolve) => (locked = resolve));
  const done = db()
    .prisma.$transaction(
      async (tx) => {
        pid = Number((await tx.$queryRawUnsafe<{ pid: number }[]>("SELECT pg_backend_pid() AS pid"))[0]!.pid);
        await tx.$executeRawUnsafe(lock, ...params);
        locked();
        await held;
        throw new Error("rolled back");
      },
      { timeout: 60_000 },
    )
    .catch(() => undefined);
  await ready;
  const waiting = async () => {
    const [row] = await db().sql.query<{ n: number }>(
      `WITH direct AS (SELECT pid FROM pg_stat_activity WHERE $1::int = ANY(pg_blocking_pids(pid)))
       SELECT ((SELECT count(*) FROM direct)
             + (SELECT count(*) FROM pg_stat_activity a WHERE EXISTS (SELECT 1 FROM direct d WHERE d.pid = ANY(pg_blocking_pids(a.pid)))))::int AS n`,
      [pid],
    );
    return row?.n ?? 0;
  };
  return { waitedOn: async () => (await waiting()) > 0, waiting, release: async () => (release(), await done) };
}

/** Polls `condition` every 50 ms for up to 10 s. */
export async function waitFor(condition: () => Promise<boolean>, what = "the condition"): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (await condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`${what} never came`);
}
