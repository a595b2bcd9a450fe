import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";

/** The Node flags `npm start` gives the portal's server (scripts/start.mjs). */
export const SERVER_NODE_FLAGS = ["--max-semi-space-size=16", "--max-old-space-size=256"];
/**
 * And the environment it adds, unless set (MALLOC_ARENA_MAX=<n> in the bench's environment
 * compares). The daily jobs off: a bench's server measures requests, and a minute after its start
 * the prevention reminders of every person in the bench's database ran inside it, their CPU
 * counted as the pages' (2,000 people in the pages bench, 100,000 in the scale bench). The daily
 * job has its own bench (prevention-job.ts).
 */
const SERVER_ENV = { MALLOC_ARENA_MAX: "2", DAILY_JOBS: "off" };

/** BENCH_NODE_FLAGS="--flag --flag" runs a bench's server with other flags (to compare heap settings on any bench). */
function defaultFlags(): string[] {
  return process.env.BENCH_NODE_FLAGS?.split(/\s+/).filter(Boolean) ?? SERVER_NODE_FLAGS;
}

/**
 * Starts the production build (the portal's server, as `npm start` runs it) on a port and waits
 * until it answers. `nodeFlags` replaces the start script's flags (the uploads bench compares heap settings).
 */
export async function startApp(port: number, env: Record<string, string>, nodeFlags: string[] = defaultFlags()): Promise<ChildProcess> {
  if (!existsSync(".next/portal-server.mjs")) throw new Error("No production build: run `npm run build` first (bench.mjs does).");
  // BENCH_CPU_PROF=<folder>: the server writes a V8 CPU profile there when it stops
  // (summarised by `node scripts/bench/profile-summary.mjs <file>`).
  const profile = process.env.BENCH_CPU_PROF ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : [];
  const child = spawn("node", [...nodeFlags, ...profile, ".next/portal-server.mjs"], {
    env: { ...SERVER_ENV, ...process.env, ...env, NODE_ENV: "production", PORT: String(port), HOSTNAME: "127.0.0.1" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (d) => (output += d));
  child.stderr?.on("data", (d) => (output += d));
  // A server that dies during a measurement says why, instead of a bare "fetch failed" in the bench.
  // stop() marks the child: the portal catches SIGTERM and exits 0, which is not a death.
  child.once("exit", (code, signal) => {
    if (!stopping.has(child) && signal !== "SIGTERM") console.error(`\nthe app on port ${port} exited (code ${code}, signal ${signal}); its last output:\n${output.slice(-4000)}`);
  });
  await waitFor(`http://127.0.0.1:${port}/api/health`, 60_000, () => output);
  return child;
}

export async function startCeiling(port: number, env: Record<string, string>): Promise<ChildProcess> {
  const child = spawn("node", ["scripts/bench/ceiling-server.mjs"], {
    env: { ...process.env, ...env, PORT: String(port) },
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  await new Promise<void>((resolve) => child.once("message", () => resolve()));
  return child;
}

async function waitFor(url: string, timeoutMs: number, log: () => string) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`The app did not answer at ${url}:\n${log()}`);
}

const stopping = new WeakSet<ChildProcess>();

export function stop(child: ChildProcess) {
  stopping.add(child);
  return new Promise<void>((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once("exit", () => resolve());
    child.kill("SIGTERM");
  });
}
