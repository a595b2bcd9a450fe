/**
 * `npm run bench -- sign-in`: password sign-ins per second on this machine, and what they do to
 * everything else. Sign-ins (the password step, argon2id at OWASP's cost) run flat out from
 * CONCURRENCY callers for DURATION_MS while, in the same process, a steady stream of "other
 * page" work (the session row read every page does) and an event-loop probe measure latency.
 * @node-rs/argon2's async hash runs on libuv's thread pool, off the main thread: if it ran on
 * it, the probe's lag would be the length of a hash (tens of ms) and the other work's p95 with
 * it. Run in-process against the machine's PostgreSQL (a fresh database).
 */
import { randomBytes } from "node:crypto";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { freshDatabase } from "./database";
import { percentile } from "./stats";

const SERVER = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const DURATION_MS = Number(process.env.BENCH_SIGN_IN_MS ?? 10_000);
const CONCURRENCY = Number(process.env.BENCH_SIGN_IN_CONCURRENCY ?? 8);

export async function benchSignIn() {
  const db = await freshDatabase(SERVER, `bench_signin_${process.pid}`);
  Object.assign(process.env, {
    APP_ENV: "test",
    DATABASE_URL: db.url,
    AUTH_SECRET: randomBytes(32).toString("base64url"),
    STORAGE_KEY: randomBytes(32).toString("base64"),
  });
  const { createAccount } = await import("@/server/db/account-store");
  const { startSignIn } = await import("@/server/auth/start-sign-in");
  const { openSession } = await import("@/server/auth/open-session");
  const { checkSession } = await import("@/server/auth/check-session");
  const { closeDatabase, database } = await import("@/server/db/client");
  const password = "girafe nuage tournevis printemps";
  const accounts = await Promise.all(
    Array.from({ length: CONCURRENCY }, (_, i) =>
      createAccount({ email: `bench-${i}@example.org`, password, totpSecret: "BENCHBENCHBENCHB", kind: "patient", fhirRef: `Patient/${randomBytes(16).toString("hex").replace(/(.{8})(.{4})(.{4})(.{4})(.{12})/, "$1-$2-$3-$4-$5")}`, displayName: "Bench" }),
    ),
  );
  const sessionId = await openSession({ account: accounts[0]!, now: new Date(), userAgent: "bench" });

  const measureOthers = async (until: number) => {
    const latencies: number[] = [];
    while (Date.now() < until) {
      const started = performance.now();
      await checkSession(sessionId, new Date());
      latencies.push(performance.now() - started);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    return latencies;
  };

  // Baseline: the other work alone, and the event loop's delay meanwhile (the machine's own noise).
  const idle = monitorEventLoopDelay({ resolution: 5 });
  idle.enable();
  const baseline = await measureOthers(Date.now() + 3000);
  idle.disable();
  const loop = monitorEventLoopDelay({ resolution: 5 });
  loop.enable();
  const until = Date.now() + DURATION_MS;
  let signIns = 0;
  const workers = accounts.map(async (_account, i) => {
    while (Date.now() < until) {
      // Each caller its own address: the per-address cap is not what is measured.
      const result = await startSignIn({ email: `bench-${i}@example.org`, password, address: `10.0.${i}.${signIns % 250}`, now: new Date() });
      if (result.ok) signIns++;
    }
  });
  const [others] = await Promise.all([measureOthers(until), ...workers]);
  loop.disable();

  const report = {
    signInsPerSecond: Number((signIns / (DURATION_MS / 1000)).toFixed(1)),
    concurrency: CONCURRENCY,
    otherWorkP95Ms: { alone: Number(percentile(baseline, 95).toFixed(2)), duringSignIns: Number(percentile(others!, 95).toFixed(2)) },
    eventLoopDelayMs: { p99Alone: Number((idle.percentile(99) / 1e6).toFixed(1)), p99: Number((loop.percentile(99) / 1e6).toFixed(1)), max: Number((loop.max / 1e6).toFixed(1)) },
  };
  await closeDatabase(await database());
  await db.drop();
  return report;
}

export function reportSignIn(report: Awaited<ReturnType<typeof benchSignIn>>) {
  console.log(`sign-in: ${report.signInsPerSecond} password steps/s (${report.concurrency} callers)`);
  console.log(`  other work p95: ${report.otherWorkP95Ms.alone} ms alone, ${report.otherWorkP95Ms.duringSignIns} ms during sign-ins`);
  console.log(`  event loop delay: p99 ${report.eventLoopDelayMs.p99Alone} ms alone; during sign-ins p99 ${report.eventLoopDelayMs.p99} ms, max ${report.eventLoopDelayMs.max} ms`);
}
