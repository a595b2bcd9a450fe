import pg from "pg";

/**
 * A few connections on which the reads of every request in this process are pipelined: each
 * read is written to the connection as soon as it is asked, without waiting for the answers to
 * the reads before it (node-postgres's pipeline mode, `pipeline: true`; each statement keeps its
 * own Sync, so one that fails fails alone). PostgreSQL answers them in order.
 *
 * Why: every page sends three to six statements, most of them reads. Through the pool, each
 * took a connection of its own, woke a PostgreSQL process of its own and was handed back. On
 * these 2-core machines the pages spent more of their CPU on those round trips than on their
 * SQL. With the reads pipelined on two connections, the portal served 1.23-1.43 × the pages a
 * second at 25 connections (documents 1.23, a prescription 1.43, six pages, every round ahead),
 * with 0.76-0.85 × the CPU per page and a lower p99; a prescription viewed alone took 2.8 ms at
 * the median against 3.2. One connection did as well as two, four no better: the gain is fewer
 * connections each kept busy, not the reads written together (corking the socket so that the
 * reads of one turn of the event loop left in one write changed nothing). Issue 16;
 * scripts/bench/ab.mjs, the figures in scripts/bench/measured/pages-2026-12-05.txt.
 *
 * What stays on the pool: writes, whose commit waits for the disk and would hold up the reads
 * queued behind them; transactions and sessions, which own their connection; and any read that
 * is not plain (plain-read.ts). A read that returns a large answer (a stored file) asks for a
 * connection of its own (`SqlDriver.session`), so that no page waits behind it.
 *
 * Each read goes to the connection with the fewest reads in flight, so one slow read delays
 * only those that were already queued behind it. A connection that fails fails its reads (as a
 * pooled connection would), and the next read opens a new one.
 */
export class PipelinedReads {
  private readonly lanes: (Lane | undefined)[];
  private closed = false;

  constructor(
    private readonly config: pg.ClientConfig,
    size: number,
  ) {
    if (!Number.isInteger(size) || size < 1) throw new RangeError(`Read connections: ${size}`);
    this.lanes = Array.from({ length: size }, () => undefined);
  }

  async query<T extends Record<string, unknown>>(statement: pg.QueryConfig): Promise<T[]> {
    if (this.closed) throw new Error("Les connexions de lecture sont fermées.");
    const lane = this.leastBusy();
    lane.inFlight++;
    try {
      return (await lane.client.query<T>(statement)).rows;
    } finally {
      lane.inFlight--;
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    const open = this.lanes.filter((lane): lane is Lane => lane !== undefined);
    this.lanes.fill(undefined);
    // end() waits for the reads already sent to be answered.
    await Promise.all(open.map((lane) => lane.client.end().catch(() => undefined)));
  }

  private leastBusy(): Lane {
    let best = 0;
    for (let i = 1; i < this.lanes.length; i++) {
      if ((this.lanes[i]?.inFlight ?? 0) < (this.lanes[best]?.inFlight ?? 0)) best = i;
    }
    return this.lanes[best] ?? this.open(best);
  }

  /** Reads asked before the connection is up wait in its queue; node-postgres sends them once it is. */
  private open(index: number): Lane {
    const client = new pg.Client({ ...this.config, pipeline: true });
    const lane: Lane = { client, inFlight: 0 };
    const forget = (error?: Error) => {
      if (this.lanes[index] !== lane) return;
      this.lanes[index] = undefined;
      // As the pool does for an idle connection: said, not thrown (an unhandled 'error' would end the process).
      if (error && !this.closed) console.error(`Connexion PostgreSQL de lecture fermée : ${error.message}`);
    };
    client.on("error", forget);
    client.on("end", () => forget());
    client.connect().catch(forget);
    this.lanes[index] = lane;
    return lane;
  }
}

type Lane = { client: pg.Client; inFlight: number };
