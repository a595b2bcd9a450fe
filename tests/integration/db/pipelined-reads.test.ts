import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { openDatabase, READS_APPLICATION_NAME } from "@/server/db/client";
import { useTestDatabase } from "../../setup/test-database";

/**
 * The plain reads outside transactions share a few pipelined connections across requests
 * (src/server/db/pipelined-reads.ts). What a caller of `sql.query` must still observe: its own
 * rows, its own error, and reads that go on after PostgreSQL closes those connections. On
 * PGlite (one connection, no pipelining) the same calls answer the same.
 */
// A database of its own: the test ends its read connections, which must not be another file's.
const db = useTestDatabase({ fresh: true });
const onServer = Boolean(process.env.TEST_DATABASE_URL);

describe("reads pipelined on shared connections", () => {
  it("hands every read its own rows, however many are asked at once and in whatever mix", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.integer({ min: -1_000_000, max: 1_000_000 }), fc.boolean()), { minLength: 1, maxLength: 120 }), async (asks) => {
        const { sql } = db();
        // Two statement texts (two prepared statements interleaved on each connection).
        const answers = await Promise.all(
          asks.map(([n, doubled]) =>
            doubled
              ? sql.query<{ n: number }>("SELECT ($1::int * 2) AS n", [n]).then((rows) => rows[0]!.n / 2)
              : sql.query<{ n: number }>("SELECT $1::int AS n, pg_sleep(0) AS slept", [n]).then((rows) => rows[0]!.n),
          ),
        );
        expect(answers).toEqual(asks.map(([n]) => n));
      }),
      { numRuns: 30 },
    );
  });

  it("fails only the read that fails: the reads sent before and after it on the same connection are answered", async () => {
    const { sql } = db();
    const reads = [1, 2, 0, 4, 5, 0, 7].map((d) => sql.query<{ n: number }>("SELECT (84 / $1::int) AS n", [d]));
    const settled = await Promise.allSettled(reads);
    expect(settled.map((s) => (s.status === "fulfilled" ? s.value[0]!.n : "error"))).toEqual([84, 42, "error", 21, 16, "error", 12]);
    const failure = settled[2] as PromiseRejectedResult;
    expect(String(failure.reason)).toMatch(/division by zero/);
    // And the connections are still usable.
    expect(await sql.query<{ n: number }>("SELECT 1 AS n")).toEqual([{ n: 1 }]);
  });

  it("sees at once what a write committed just before", async () => {
    const { sql } = db();
    const key = `pipelined-${crypto.randomUUID()}`;
    await sql.query("INSERT INTO rate_limit (key, count, window_start) VALUES ($1, 1, now())", [key]);
    expect(await sql.query<{ count: number }>("SELECT count FROM rate_limit WHERE key = $1", [key])).toEqual([{ count: 1 }]);
  });

  if (onServer) {
    // PGlite has one connection and no application_name to tell: these are about the server.
    it("carries plain reads on the read connections, and writes, row locks and transactions on the pool", async () => {
      const { sql } = db();
      const name = "current_setting('application_name') AS name";
      expect(await sql.query(`SELECT ${name}`)).toEqual([{ name: READS_APPLICATION_NAME }]);
      expect(await sql.query(`WITH t AS (SELECT 1) SELECT ${name} FROM t`)).toEqual([{ name: READS_APPLICATION_NAME }]);
      // set_config makes it a command on its connection, not a plain read.
      const [onPool] = await sql.query<{ name: string }>(`SELECT set_config('espace.probe', 'x', true), ${name}`);
      expect(onPool!.name).not.toBe(READS_APPLICATION_NAME);
      const [inTransaction] = await sql.transaction((tx) => tx.query<{ name: string }>(`SELECT ${name}`));
      expect(inTransaction!.name).not.toBe(READS_APPLICATION_NAME);
    });

    it("with no read connections (DB_READ_CONNECTIONS=0), carries every read on the pool", async () => {
      const opened = await openDatabase(db().target, { poolSize: 2, readConnections: 0 });
      try {
        const [row] = await opened.sql.query<{ name: string; n: number }>("SELECT current_setting('application_name') AS name, $1::int AS n", [7]);
        expect(row!.n).toBe(7);
        expect(row!.name).not.toBe(READS_APPLICATION_NAME);
      } finally {
        await opened.sql.close();
        await opened.prisma.$disconnect();
      }
    });

    it("goes on reading after PostgreSQL ends the read connections", async () => {
      const { sql } = db();
      await Promise.all(Array.from({ length: 10 }, () => sql.query("SELECT 1 AS n")));
      const before = await readConnections();
      expect(before.length).toBeGreaterThan(0);
      // From the pool: ending the read connections from one of them would end the asking read too.
      await sql.transaction((tx) => tx.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1 AND datname = current_database()", [READS_APPLICATION_NAME]));
      // A read sent before the client has heard of the end fails, as on a pooled connection; then
      // every read is answered, on new connections.
      let answered = 0;
      for (let attempt = 0; attempt < 50 && answered < 20; attempt++) {
        const rows = await sql.query<{ n: number }>("SELECT $1::int AS n", [attempt]).catch(() => undefined);
        if (rows) {
          expect(rows).toEqual([{ n: attempt }]);
          answered++;
        } else {
          expect(answered).toBe(0);
          await new Promise((r) => setTimeout(r, 20));
        }
      }
      expect(answered).toBe(20);
      const after = await readConnections();
      expect(after.length).toBeGreaterThan(0);
      expect(after.filter((pid) => before.includes(pid))).toEqual([]);
    });
  }

  async function readConnections(): Promise<number[]> {
    const rows = await db().sql.transaction((tx) =>
      tx.query<{ pid: number }>("SELECT pid FROM pg_stat_activity WHERE application_name = $1 AND datname = current_database()", [READS_APPLICATION_NAME]),
    );
    return rows.map((row) => row.pid);
  }
});
