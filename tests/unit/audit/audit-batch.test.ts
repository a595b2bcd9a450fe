import { describe, expect, it } from "vitest";
import { AuditBatcher } from "@/server/audit/audit-batch";
import type { Queryable } from "@/server/db/queryable";

/**
 * The group commit's contract, against a database stand-in that records each INSERT and lets
 * the test decide when it completes (the real INSERT and its chain are tested in
 * tests/integration/audit/audit-batch.test.ts).
 */
type Call = { rows: number; finish: (error?: Error) => void };

function slowDatabase() {
  const calls: Call[] = [];
  const db: Queryable = {
    query: async <T extends Record<string, unknown>>(text: string, params: unknown[] = []): Promise<T[]> => {
      const rows = (text.match(/\(\$/g) ?? []).length;
      expect(params.length % rows).toBe(0);
      await new Promise<void>((resolve, reject) => calls.push({ rows, finish: (error) => (error ? reject(error) : resolve()) }));
      return [];
    },
  };
  return { db, calls };
}

const row = (n: number) => [`id-${n}`, "2026-11-23T10:00:00.000Z", "Patient/p", null, null, "patient", "p", null, "read", "success", null, null, null, null];
const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe("AuditBatcher", () => {
  it("writes a lone row at once, and the rows that arrive meanwhile together in the next INSERT", async () => {
    const { db, calls } = slowDatabase();
    const batcher = new AuditBatcher(db);
    const settled: number[] = [];
    const first = batcher.write(row(1)).then(() => settled.push(1));
    await tick();
    expect(calls.map((c) => c.rows)).toEqual([1]);
    const later = [2, 3, 4].map((n) => batcher.write(row(n)).then(() => settled.push(n)));
    await tick();
    expect(calls.length).toBe(1); // one INSERT in flight at a time
    expect(settled).toEqual([]); // nobody answers before their row is committed
    calls[0]!.finish();
    await first;
    await tick();
    expect(calls.map((c) => c.rows)).toEqual([1, 3]);
    expect(settled).toEqual([1]);
    calls[1]!.finish();
    await Promise.all(later);
    expect(settled).toEqual([1, 2, 3, 4]);
  });

  it("caps a batch, and takes the rest in the next INSERT", async () => {
    const { db, calls } = slowDatabase();
    const batcher = new AuditBatcher(db, 2);
    const blocker = batcher.write(row(0));
    await tick();
    const waiting = [1, 2, 3, 4, 5].map((n) => batcher.write(row(n)));
    calls[0]!.finish();
    await blocker;
    for (let i = 1; i <= 3; i++) {
      await tick();
      calls[i]!.finish();
    }
    await Promise.all(waiting);
    expect(calls.map((c) => c.rows)).toEqual([1, 2, 2, 1]);
  });

  it("retries a failed batch row by row: only the row that fails again fails its caller", async () => {
    const { db, calls } = slowDatabase();
    const batcher = new AuditBatcher(db);
    const blocker = batcher.write(row(0));
    await tick();
    const outcomes = [1, 2, 3].map((n) => batcher.write(row(n)).then(() => "ok", (error: Error) => error.message));
    calls[0]!.finish();
    await blocker;
    await tick();
    calls[1]!.finish(new Error("batch refused"));
    for (const [i, error] of [[2, undefined], [3, new Error("row 2 refused")], [4, undefined]] as const) {
      await tick();
      expect(calls[i]!.rows).toBe(1);
      calls[i]!.finish(error);
    }
    expect(await Promise.all(outcomes)).toEqual(["ok", "row 2 refused", "ok"]);
  });

  it("writes one caller's rows in one INSERT, even with nothing in flight, and answers once they are committed", async () => {
    const { db, calls } = slowDatabase();
    const batcher = new AuditBatcher(db);
    let settled = false;
    const all = batcher.writeAll([row(1), row(2), row(3), row(4)]).then(() => (settled = true));
    await tick();
    expect(calls.map((c) => c.rows)).toEqual([4]);
    expect(settled).toBe(false);
    calls[0]!.finish();
    await all;
    expect(settled).toBe(true);
  });
});

