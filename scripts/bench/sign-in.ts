/**
 * `npm run bench -- sign-in`: password sign-ins per second on this machine, and what they do to
 * everything else. Sign-ins (the password step, argon2id at OWASP's cost) run flat out from
 * CONCURRENCY callers for DURATION_MS while, in the same process, a steady stream of "other
 * page" work (the session row read every page does) and an event-loop probe measure latency.
 * @node-rs/argon2's async hash runs on libuv's thread pool, off the main thread: if it ran on
 * it, the probe's lag would be the length of a hash (tens of ms) and the other work's p95 with
 * it. Run in-process against the machine's PostgreSQL (a fresh database).
 */
import { randomBytes, randomUUID } from "node:crypto";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { freshDatabase } from "./database";
import { percentile } from "./stats";

const SERVER = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const DURATION_MS = Number(process.env.BENCH_SIGN_IN_MS ?? 10_000);
const CONCURRENCY = Number(process.env.BENCH_SIGN_IN_CONCURRENCY ?? 8);
const BENCH_PASSWORD = "girafe nuage tournevis printemps";
const BENCH_TOTP_SECRET = "BENCHBENCHBENCHB";

export async function benchSignIn() {
  const db = await freshDatabase(SERVER, `bench_signin_${process.pid}`);
  Object.assign(process.env, {
    APP_ENV: "test",
    DATABASE_URL: db.url,
    AUTH_SECRET: randomBytes(32).toString("base64url"),
    STORAGE_KEY: randomBytes(32).toString("base64"),
  });
  const { startSignIn } = await import("@/server/auth/start-sign-in");
  const { openSession } = await import("@/server/auth/open-session");
  const { checkSession } = await import("@/server/auth/check-session");
  const { closeDatabase, database } = await import("@/server/db/client");
  const password = BENCH_PASSWORD;
  const accounts = await Promise.all(Array.from({ length: CONCURRENCY }, (_, i) => benchAccount(`bench-${i}@example.org`)));
  const sessionId = await openSession({ account: accounts[0]!, openedWith: { method: "password" }, now: new Date(), userAgent: "bench" });

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

  const waiting = await timeWaitingAnswers(startSignIn);
  const wrongPassword = await timeWrongPasswords(startSignIn);
  const resetRequests = await timeResetRequests();
  const emailChanges = await timeEmailChanges();

  const report = {
    waiting,
    wrongPassword,
    resetRequests,
    emailChanges,
    signInsPerSecond: Number((signIns / (DURATION_MS / 1000)).toFixed(1)),
    concurrency: CONCURRENCY,
    otherWorkP95Ms: { alone: Number(percentile(baseline, 95).toFixed(2)), duringSignIns: Number(percentile(others!, 95).toFixed(2)) },
    eventLoopDelayMs: { p99Alone: Number((idle.percentile(99) / 1e6).toFixed(1)), p99: Number((loop.percentile(99) / 1e6).toFixed(1)), max: Number((loop.max / 1e6).toFixed(1)) },
  };
  await closeDatabase(await database());
  await db.drop();
  return report;
}

/**
 * Whether the answer's time tells that an address has an account, once it is made to wait:
 * both are answered without the argon2 check. Until both ran the same statements, a real account's answer
 * also recorded a `password-throttled` event in a statement of its own: 1.45-1.78 ms against
 * 0.84-1.09 ms (ratio 1.63-1.67). Both now run the same statements, and the answer keeps a floor
 * (start-sign-in.ts, REFUSAL_FLOOR_MS), so the medians are the floor's. One account and one unknown
 * address are each given four wrong passwords (the free failures of throttle-policy.ts) and a
 * fifth; then WAITING_PAIRS more attempts each, interleaved, from addresses of their own, timed.
 */
const WAITING_PAIRS = Number(process.env.BENCH_SIGN_IN_WAITING_PAIRS ?? 300);

async function timeWaitingAnswers(startSignIn: (input: { email: string; password: string; address: string; now: Date }) => Promise<{ ok: boolean }>) {
  const known = `bench-waiting@example.org`;
  await benchAccount(known);
  const unknown = `nobody-waiting@example.org`;
  const attempt = (email: string, n: number) => startSignIn({ email, password: `wrong-${n}`, address: `10.9.${Math.floor(n / 250)}.${n % 250}`, now: new Date() });
  for (let n = 0; n < 5; n++) await Promise.all([attempt(known, n), attempt(unknown, 10_000 + n)]);
  const timed = async (email: string, n: number) => {
    const started = performance.now();
    const result = await attempt(email, n);
    if (result.ok) throw new Error("a wrong password was let in");
    return performance.now() - started;
  };
  const knownMs: number[] = [];
  const unknownMs: number[] = [];
  for (let i = 0; i < WAITING_PAIRS; i++) {
    // Which goes first alternates, so that neither always follows the other.
    if (i % 2) {
      knownMs.push(await timed(known, 100 + i));
      unknownMs.push(await timed(unknown, 20_000 + i));
    } else {
      unknownMs.push(await timed(unknown, 20_000 + i));
      knownMs.push(await timed(known, 100 + i));
    }
  }
  const median = (values: number[]) => percentile(values, 50);
  return { pairs: WAITING_PAIRS, knownMedianMs: Number(median(knownMs).toFixed(3)), unknownMedianMs: Number(median(unknownMs).toFixed(3)), knownP10Ms: Number(percentile(knownMs, 10).toFixed(3)), unknownP10Ms: Number(percentile(unknownMs, 10).toFixed(3)) };
}

/**
 * The same question before any wait: a wrong password for a real account against an unknown
 * address (both run one argon2id check, real or dummy). Each pair is the first attempt on a fresh
 * account and a fresh unknown address, so that no delay applies (WRONG_PASSWORD_PAIRS accounts,
 * each a hash to create).
 */
const WRONG_PASSWORD_PAIRS = Number(process.env.BENCH_SIGN_IN_WRONG_PAIRS ?? 40);

async function timeWrongPasswords(startSignIn: (input: { email: string; password: string; address: string; now: Date }) => Promise<{ ok: boolean }>) {
  const { knownMs, unknownMs } = await timeFreshPairs("wrong", WRONG_PASSWORD_PAIRS, async (email, n) => {
    const result = await startSignIn({ email, password: `wrong-${n}`, address: `10.10.${Math.floor(n / 250)}.${n % 250}`, now: new Date() });
    if (result.ok) throw new Error("a wrong password was let in");
  });
  return { pairs: WRONG_PASSWORD_PAIRS, knownMedianMs: Number(percentile(knownMs, 50).toFixed(2)), unknownMedianMs: Number(percentile(unknownMs, 50).toFixed(2)) };
}

/**
 * The forgotten-password form asks the same question: its answer is the same page whether the
 * address has an account or not, and its time must be too. For a real account the request
 * stores a single-use token, queues the e-mail and writes the trail; for an unknown address,
 * nothing. RESET_PAIRS pairs, each a fresh account and a fresh unknown address, each from an
 * address of its own (the caps are 3 an hour per e-mail, 10 per address), interleaved.
 */
const RESET_PAIRS = Number(process.env.BENCH_SIGN_IN_RESET_PAIRS ?? 40);

async function timeResetRequests() {
  const { requestPasswordReset } = await import("@/server/accounts/request-password-reset");
  const { knownMs, unknownMs } = await timeFreshPairs("reset", RESET_PAIRS, (email, n) =>
    requestPasswordReset({ email, address: `10.11.${Math.floor(n / 250)}.${n % 250}`, userAgent: "bench", now: new Date() }),
  );
  const summary = (values: number[]) => ({ median: Number(percentile(values, 50).toFixed(2)), p10: Number(percentile(values, 10).toFixed(2)), p90: Number(percentile(values, 90).toFixed(2)) });
  return { pairs: RESET_PAIRS, known: summary(knownMs), unknown: summary(unknownMs) };
}

/**
 * The e-mail change form asks it too, of a signed-in person: a new address that already has an
 * account must get the same answer, in the same time, as a free one. EMAIL_CHANGE_PAIRS pairs,
 * each from a fresh account (its code usable once) asking for a free address, then from another
 * asking for an address that is a bench account's, interleaved.
 */
const EMAIL_CHANGE_PAIRS = Number(process.env.BENCH_SIGN_IN_EMAIL_CHANGE_PAIRS ?? 20);

async function timeEmailChanges() {
  const { requestEmailChange } = await import("@/server/accounts/change-email");
  const { totpCode } = await import("@/server/auth/totp");
  await benchAccount("bench-email-holder@example.org");
  const freeMs: number[] = [];
  const takenMs: number[] = [];
  const timed = async (i: number, label: string, newEmail: string) => {
    const asker = await benchAccount(`bench-email-${label}-${i}@example.org`);
    const now = new Date();
    const started = performance.now();
    const ok = await requestEmailChange(asker.id, newEmail, totpCode(BENCH_TOTP_SECRET, now), now, { address: `10.12.0.${i}`, userAgent: "bench" });
    const ms = performance.now() - started;
    if (!ok) throw new Error("the e-mail change was refused");
    return ms;
  };
  for (let i = 0; i < EMAIL_CHANGE_PAIRS; i++) {
    const free = () => timed(i, "free", `bench-email-new-${i}@example.org`);
    const taken = () => timed(i, "taken", "bench-email-holder@example.org");
    if (i % 2) {
      freeMs.push(await free());
      takenMs.push(await taken());
    } else {
      takenMs.push(await taken());
      freeMs.push(await free());
    }
  }
  const summary = (values: number[]) => ({ median: Number(percentile(values, 50).toFixed(2)), p10: Number(percentile(values, 10).toFixed(2)), p90: Number(percentile(values, 90).toFixed(2)) });
  return { pairs: EMAIL_CHANGE_PAIRS, free: summary(freeMs), taken: summary(takenMs) };
}

/** A bench account with the bench's password and a random Patient reference. */
async function benchAccount(email: string) {
  const { createAccount } = await import("@/server/db/account-store");
  return createAccount({ email, password: BENCH_PASSWORD, totpSecret: BENCH_TOTP_SECRET, kind: "patient", fhirRef: `Patient/${randomUUID()}`, displayName: "Bench" });
}

/**
 * `pairs` timed pairs: each a fresh account and a fresh unknown address given to `attempt` once
 * (n is a number of its own, for an address of its own), interleaved, which goes first alternating.
 */
async function timeFreshPairs(label: string, pairs: number, attempt: (email: string, n: number) => Promise<unknown>) {
  const knownMs: number[] = [];
  const unknownMs: number[] = [];
  const timed = async (email: string, n: number) => {
    const started = performance.now();
    await attempt(email, n);
    return performance.now() - started;
  };
  for (let i = 0; i < pairs; i++) {
    const email = `bench-${label}-${i}@example.org`;
    await benchAccount(email);
    const unknown = `nobody-${label}-${i}@example.org`;
    if (i % 2) {
      knownMs.push(await timed(email, 2 * i));
      unknownMs.push(await timed(unknown, 2 * i + 1));
    } else {
      unknownMs.push(await timed(unknown, 2 * i + 1));
      knownMs.push(await timed(email, 2 * i));
    }
  }
  return { knownMs, unknownMs };
}

export function reportSignIn(report: Awaited<ReturnType<typeof benchSignIn>>) {
  console.log(`sign-in: ${report.signInsPerSecond} password steps/s (${report.concurrency} callers)`);
  console.log(`  other work p95: ${report.otherWorkP95Ms.alone} ms alone, ${report.otherWorkP95Ms.duringSignIns} ms during sign-ins`);
  console.log(`  event loop delay: p99 ${report.eventLoopDelayMs.p99Alone} ms alone; during sign-ins p99 ${report.eventLoopDelayMs.p99} ms, max ${report.eventLoopDelayMs.max} ms`);
  const w = report.waiting;
  console.log(`  once an address is made to wait (${w.pairs} interleaved pairs): a real account answered in ${w.knownMedianMs} ms (p10 ${w.knownP10Ms}), an unknown address in ${w.unknownMedianMs} ms (p10 ${w.unknownP10Ms}); ratio of medians ${(w.knownMedianMs / w.unknownMedianMs).toFixed(2)}`);
  const f = report.wrongPassword;
  console.log(`  a wrong password, before any wait (${f.pairs} interleaved pairs, argon2 in both): a real account answered in ${f.knownMedianMs} ms, an unknown address in ${f.unknownMedianMs} ms; ratio of medians ${(f.knownMedianMs / f.unknownMedianMs).toFixed(2)}`);
  const e = report.emailChanges;
  console.log(`  an e-mail change (${e.pairs} interleaved pairs, the second factor given): to a free address answered in ${e.free.median} ms (p10 ${e.free.p10}, p90 ${e.free.p90}), to an address that has an account in ${e.taken.median} ms (p10 ${e.taken.p10}, p90 ${e.taken.p90}); ratio of medians ${(e.taken.median / e.free.median).toFixed(2)}`);
  const r = report.resetRequests;
  console.log(`  a forgotten-password request (${r.pairs} interleaved pairs): a real account's answered in ${r.known.median} ms (p10 ${r.known.p10}, p90 ${r.known.p90}), an unknown address's in ${r.unknown.median} ms (p10 ${r.unknown.p10}, p90 ${r.unknown.p90}); ratio of medians ${(r.known.median / r.unknown.median).toFixed(2)}`);
}
