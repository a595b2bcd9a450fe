/**
 * The portal's production HTTP server (`npm start`, the end-to-end tests, the container): Next
 * serves the pages, server actions and routes, except the FHIR API under /api/fhir/R4, answered
 * here by the same handler as its Next route, without Next's per-request routing (see
 * fhir-api/node-handler.ts for why). The Pages Router's page views skip that routing too: they
 * go straight to their page's entry point in Next's build (http/direct-pages.ts says why and
 * how). Bundled by scripts/build-server.mjs into .next/portal-server.mjs; `next dev` keeps
 * serving the API through the route and the pages through Next's router.
 *
 * The bundle carries its own copy of src/server beside the one inside Next's build. Both reach
 * the one database through database()'s process-wide holder (one pool, or the one PGlite), and
 * every state that must be shared (sessions, rate limits, audit chain) is in the database; what
 * each copy keeps in memory is a cache of its own (opened session cookies, the validator's index).
 *
 * Stateless: sessions, rules and audit rows live in PostgreSQL, so several of these run behind a
 * load balancer against one database server (every one with the same AUTH_SECRET). On one
 * machine, several of them share the port (Node's cluster): one per core on a PostgreSQL server
 * unless PORTAL_PROCESSES says otherwise, one on PGlite (portal-processes.ts says why and what was
 * measured).
 *
 * Every command that starts it (npm start, the e2e tests, the bench, the image) passes
 * --max-semi-space-size=16 --max-old-space-size=256, so that one process stays within about
 * 400 MB (issue 16). Under the pages bench's load, the earlier --max-semi-space-size=64 alone
 * let V8 grow the heap for speed to 800 MB resident; with the cap, 393 MB, and the API search
 * and the pages within the machine's noise (same day, back to back: 1,418 vs 1,282 searches/s;
 * scripts/bench/measured/pages-2026-12-01.txt). The semi-space alone at 16 MB still reached
 * 694 MB. The cap became possible once a 20 MB upload stopped needing 300 MB of heap (files
 * staged with plain SQL, PGlite's bytea codec): the Playwright 20 MB upload on PGlite passes
 * under it.
 *
 * A larger young generation is faster and was tried (2026-12-04): at 32 MB, pages and the API
 * served 3-15 % more (A/B on the pages bench's world: API search 1.15, documents 1.10,
 * professional's record 1.07, prescriptions 1.05), but the whole pages bench then peaked at 422 MB
 * (363 MB with 16, same day), and 24 MB at 396 MB: too close to the 400 MB one process may take.
 *
 * They also run it with MALLOC_ARENA_MAX=2 in its environment (read by glibc at the process's
 * start, so it cannot be set from here). What the heap cap leaves is mostly native memory (zlib's
 * streams, Buffers, libuv's threads), which glibc spreads over up to 8 arenas per core and does
 * not give back; the runs above still reached 381-407 MB. Two arenas, measured on the pages
 * bench's world (4 alternating rounds of every page at 50 connections, same build): resident
 * memory median 380 -> 340 MB, CPU per request 18.5 -> 18.3 ms (within the noise).
 */
import cluster from "node:cluster";
import { availableParallelism, totalmem } from "node:os";
import { env } from "./env";
import { machineMemory, portalProcesses } from "./portal-processes";
import { trackNextAsyncStorage } from "./http/quiet-async-hooks";
import { keepNativeDate } from "./http/native-date";

/**
 * The first process forks the others and replaces any that dies, until it is told to stop; if
 * they keep dying (a bad configuration, the database gone), it stops rather than loop.
 */
function supervise(processes: number) {
  let stopping = false;
  const recentDeaths: number[] = [];
  console.log(`Serveur : ${processes} processus sur le même port (PORTAL_PROCESSES pour en choisir le nombre)`);
  for (let i = 0; i < processes; i++) cluster.fork();
  cluster.on("exit", (worker, code, signal) => {
    if (stopping) return;
    const now = Date.now();
    recentDeaths.push(now);
    while (recentDeaths[0]! < now - 60_000) recentDeaths.shift();
    if (recentDeaths.length > 3 * processes) {
      console.error("Les processus du serveur s'arrêtent sans cesse : arrêt.");
      process.exit(1);
    }
    console.error(`Processus ${worker.process.pid} arrêté (${signal ?? code}) : relancé.`);
    cluster.fork();
  });
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => {
      stopping = true;
      for (const worker of Object.values(cluster.workers ?? {})) worker?.kill(signal);
      cluster.on("exit", () => {
        if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
      });
    });
  }
}

const { PORTAL_PROCESSES, DATABASE_URL, DB_POOL_SIZE, DB_READ_CONNECTIONS } = env();
const processes = portalProcesses({
  configured: PORTAL_PROCESSES,
  onServer: DATABASE_URL !== undefined,
  cores: availableParallelism(),
  connectionsPerProcess: DB_POOL_SIZE + DB_READ_CONNECTIONS,
  memoryBytes: machineMemory(totalmem(), process.constrainedMemory?.()),
});
if (processes > 1 && cluster.isPrimary) supervise(processes);
else {
  // Before Next loads: its AsyncLocalStorage instances are tracked, to be turned off when idle
  // (http/quiet-async-hooks.ts says why).
  trackNextAsyncStorage();
  // And Node's Date is kept, to be put back once Next has wrapped it (http/native-date.ts says why).
  keepNativeDate();
  // Loaded only here: a cluster's primary forks and watches, and need not carry Next, React and
  // the app (85 MB resident when it did; the bundle keeps this import as its own chunk).
  import("./portal-worker")
    .then(({ startPortal }) => startPortal())
    .catch((error: unknown) => {
      console.error(error);
      process.exit(1);
    });
}
