/**
 * How many processes of the portal's server run on this machine, sharing its port (Node's
 * cluster, src/server/portal-server.ts).
 *
 * - PGlite (no DATABASE_URL): one. PGlite opens its data folder in one process only.
 * - PORTAL_PROCESSES set: that many.
 * - Otherwise, one per core. One Node process renders on one core whatever the machine has.
 *   On these 2-core machines, PostgreSQL and the load generator run beside it too. Even so, with one
 *   process a quarter of the CPU stayed idle at 50 connections (vmstat: 23-24 % idle), and a second
 *   process took it (1-2 % idle). Pages served per second, two processes against one, same build
 *   and world, alternating rounds at 50 connections (issue 16, sixteenth session; the figures are
 *   in scripts/bench/measured/pages-2026-12-04.txt): documents 1.17-1.34, the professional's
 *   record 1.15-1.42, history 1.23-1.63, caregiver documents 1.14-1.42, in slow and fast phases
 *   of the machine alike; the FHIR API 1.10-1.30.
 *   Each process keeps its own memory (about 180 MB after start; the cluster's primary, which
 *   loads neither Next nor the app, 54 MB).
 * - And never more processes than the database can serve: each opens up to DB_POOL_SIZE
 *   connections, and DB_READ_CONNECTIONS more for its pipelined reads (db/pipelined-reads.ts).
 *   PostgreSQL accepts 100 by default and keeps some for itself. The other 20 are left for
 *   migrations, the commands (`npm run mail:worker`, `audit:verify`) and an operator's psql.
 * - Nor more than the memory holds: a process may take up to 400 MB (issue 16's target, which the
 *   start flags keep it under). A container sees all of the host's cores but may be given far less
 *   memory than the host has: its limit (cgroup) counts when there is one.
 */
export const APP_CONNECTIONS_AT_MOST = 80;
export const MEMORY_PER_PROCESS = 400 * 1024 * 1024;

export type ProcessesInput = {
  /** PORTAL_PROCESSES, when set. */
  configured: number | undefined;
  /** Whether the portal runs on a PostgreSQL server (DATABASE_URL) rather than PGlite. */
  onServer: boolean;
  /** os.availableParallelism(): the cores this process may run on. */
  cores: number;
  /** Connections each process may open: DB_POOL_SIZE + DB_READ_CONNECTIONS. */
  connectionsPerProcess: number;
  /** The memory this machine or container has, in bytes (see machineMemory). */
  memoryBytes: number;
};

export function portalProcesses({ configured, onServer, cores, connectionsPerProcess, memoryBytes }: ProcessesInput): number {
  if (!onServer) return 1;
  if (configured !== undefined) return configured;
  return Math.max(1, Math.min(Math.floor(cores), Math.floor(APP_CONNECTIONS_AT_MOST / connectionsPerProcess), Math.floor(memoryBytes / MEMORY_PER_PROCESS)));
}

/**
 * The machine's memory, or the container's limit when it has a smaller one. Node reports an
 * unlimited cgroup as 2^64 (and a missing one as 0 or undefined), hence the minimum.
 */
export function machineMemory(total: number, constrained: number | undefined): number {
  return constrained && constrained > 0 ? Math.min(total, constrained) : total;
}
