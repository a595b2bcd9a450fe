import "@/server/server-only";
import type { Queryable } from "../db/queryable";
import { insertAuditRows, type AuditRow } from "./write-audit";

type Waiting = { row: AuditRow; resolve: () => void; reject: (error: unknown) => void };

/**
 * Group commit for the audit rows of reads, searches and denials (the rows that have no
 * transaction of their own). Each caller still waits until its row is committed before it
 * answers, so no data leaves without its trace; but the rows that arrive while one INSERT is
 * under way go together in the next one. Without this, fifty concurrent reads of one patient
 * queued one by one on that patient's chain head (audit_chain_head is locked until commit),
 * a round trip and a commit each.
 *
 * At most one INSERT is in flight per batcher, and under light load a row goes alone and at
 * once: nothing waits on a timer. If a batch fails, its rows are retried one by one, so one
 * bad row fails only its own request.
 */
export class AuditBatcher {
  private waiting: Waiting[] = [];
  private flushing = false;

  constructor(
    private readonly db: Queryable,
    private readonly maxRows = 100,
  ) {}

  write(row: AuditRow): Promise<void> {
    return this.writeAll([row]);
  }

  /** Several rows of one caller, queued together: they go in the same INSERT (up to maxRows). */
  async writeAll(rows: readonly AuditRow[]): Promise<void> {
    // The executors run now, so every row waits before the flush takes its first batch.
    const written = rows.map((row) => new Promise<void>((resolve, reject) => this.waiting.push({ row, resolve, reject })));
    if (!this.flushing) void this.flush();
    await Promise.all(written);
  }

  private async flush(): Promise<void> {
    this.flushing = true;
    try {
      while (this.waiting.length > 0) {
        const batch = this.waiting.splice(0, this.maxRows);
        try {
          await insertAuditRows(this.db, batch.map((w) => w.row));
          for (const w of batch) w.resolve();
        } catch (error) {
          if (batch.length === 1) batch[0]!.reject(error);
          else await this.oneByOne(batch);
        }
      }
    } finally {
      this.flushing = false;
    }
  }

  private async oneByOne(batch: Waiting[]): Promise<void> {
    for (const w of batch) {
      try {
        await insertAuditRows(this.db, [w.row]);
        w.resolve();
      } catch (error) {
        w.reject(error);
      }
    }
  }
}

const batchers = new WeakMap<Queryable, AuditBatcher>();

/** The batcher of a database connection pool (one per process and database). */
export function auditBatcherFor(db: Queryable): AuditBatcher {
  let batcher = batchers.get(db);
  if (!batcher) {
    batcher = new AuditBatcher(db);
    batchers.set(db, batcher);
  }
  return batcher;
}
