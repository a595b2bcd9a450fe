/**
 * A/B of one page between two built trees, on a world the pages bench holds (issue 16).
 *
 *   BENCH_WARM_SECONDS=0 BENCH_PAGES_HOLD=/tmp/hold.json npm run bench -- pages &   # holds the world
 *   node scripts/bench/ab.mjs --hold /tmp/hold.json --a /work/main --b /work/other --page documents
 *
 * Each tree must be built (`npm run build` in it; a copy with hard-linked node_modules builds,
 * a symlinked one does not with Turbopack). One server of one process is started per tree on the
 * held world's database, then wrk rounds alternate A, B, A, B... so a phase of this noisy machine
 * falls on both. For each round: pages a second, and the server's own CPU per page (its utime +
 * stime from /proc, cluster workers included). Printed: every round, then B ÷ A as the median of
 * the per-pair ratios and how many pairs B was ahead.
 *
 * The same build on both sides came out at 0.981 and 0.985 (B behind in 6 and 5 rounds of 8), and
 * one comparison gave 0.955 in one run and 1.059 in the next (measured/pages-2026-12-05.txt,
 * twenty-fourth session): a difference of a few per cent can be the sides' own. Run a comparison
 * both ways (--a and --b swapped), more than once, and take the geometric mean of B÷A and
 * 1/(B÷A swapped); for a change of a few per cent, compare both paths within one server instead
 * (a throwaway build that chooses the path by the URL, views interleaved one at a time).
 *
 * Why not the bench's own rounds: they measure each page against the documents page in one
 * build; a change to a page needs the same page on two builds, under the same load at the same time.
 *
 * Options: --rounds 10 --seconds 4 --connections 25 --port-a 3301 --port-b 3302, and
 * --env-a / --env-b NAME=value (repeatable) to start one side with a setting of its own (the same
 * tree twice, a flag on one side).
 */
import { spawn, spawnSync } from "node:child_process";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";

const { values: opts } = parseArgs({
  options: {
    hold: { type: "string" },
    a: { type: "string" },
    b: { type: "string" },
    page: { type: "string" },
    rounds: { type: "string", default: "10" },
    seconds: { type: "string", default: "4" },
    connections: { type: "string", default: "25" },
    "port-a": { type: "string", default: "3301" },
    "port-b": { type: "string", default: "3302" },
    "env-a": { type: "string", multiple: true, default: [] },
    "env-b": { type: "string", multiple: true, default: [] },
  },
});
if (!opts.hold || !opts.a || !opts.b || !opts.page) {
  console.error("usage: node scripts/bench/ab.mjs --hold <hold.json> --a <tree> --b <tree> --page <key> [--rounds n] [--seconds s] [--connections c]");
  process.exit(2);
}
if (spawnSync("wrk", ["--version"]).error) {
  console.error("wrk is missing (apt-get install wrk)");
  process.exit(2);
}

const held = JSON.parse(readFileSync(opts.hold, "utf8"));
const page = held.pages.find((p) => p.key === opts.page);
if (!page) {
  console.error(`no page "${opts.page}" in ${opts.hold}; pages: ${held.pages.map((p) => p.key).join(", ")}`);
  process.exit(2);
}
const path = new URL(page.url).pathname + new URL(page.url).search;

// The flags and environment `npm start` gives the server (scripts/start.mjs), one process.
function startServer(tree, port, settings) {
  const extra = Object.fromEntries(settings.map((s) => [s.slice(0, s.indexOf("=")), s.slice(s.indexOf("=") + 1)]));
  const child = spawn(process.execPath, ["--max-semi-space-size=16", "--max-old-space-size=256", ".next/portal-server.mjs"], {
    cwd: tree,
    env: { ...process.env, MALLOC_ARENA_MAX: "2", DAILY_JOBS: "off", ...held.env, PORTAL_PROCESSES: "1", ...extra, NODE_ENV: "production", PORT: String(port), HOSTNAME: "127.0.0.1" },
    stdio: ["ignore", "ignore", "inherit"],
  });
  return child;
}

async function waitUp(port) {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/api/health`)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`no server on port ${port}`);
}

/** CPU ticks of a process and its descendants (the cluster's worker does the work). */
function ticks(pid) {
  let total = 0;
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  total += Number(fields[11]) + Number(fields[12]);
  for (const task of readdirSync(`/proc/${pid}/task`)) {
    let children = "";
    try {
      children = readFileSync(join(`/proc/${pid}/task`, task, "children"), "utf8");
    } catch {
      continue;
    }
    for (const child of children.split(" ").filter(Boolean)) total += ticks(Number(child));
  }
  return total;
}

/** A percentile of wrk's latency distribution, in ms. */
function latencyMs(output, percentile) {
  const [, value, unit] = new RegExp(`^\\s*${percentile}%\\s+([\\d.]+)(us|ms|s)`, "m").exec(output) ?? [];
  return value === undefined ? NaN : Number(value) * { us: 0.001, ms: 1, s: 1000 }[unit];
}

function wrk(port) {
  const result = spawnSync("wrk", ["-t1", "--latency", `-c${opts.connections}`, `-d${opts.seconds}s`, "-H", `Cookie: ${page.cookie}`, `http://127.0.0.1:${port}${path}`], { encoding: "utf8" });
  const rate = Number(/Requests\/sec:\s+([\d.]+)/.exec(result.stdout)?.[1]);
  const requests = Number(/(\d+) requests in/.exec(result.stdout)?.[1]);
  const bad = Number(/Non-2xx or 3xx responses: (\d+)/.exec(result.stdout)?.[1] ?? 0);
  if (!rate || bad) throw new Error(`wrk on port ${port}: ${result.stdout}${result.stderr}`);
  return { rate, requests, p50: latencyMs(result.stdout, "50"), p99: latencyMs(result.stdout, "99") };
}

const median = (xs) => {
  const s = [...xs].sort((x, y) => x - y);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

const ports = { a: Number(opts["port-a"]), b: Number(opts["port-b"]) };
const servers = { a: startServer(opts.a, ports.a, opts["env-a"]), b: startServer(opts.b, ports.b, opts["env-b"]) };
const stopAll = () => Object.values(servers).forEach((s) => s.kill("SIGTERM"));
process.on("SIGINT", () => (stopAll(), process.exit(130)));
try {
  await Promise.all([waitUp(ports.a), waitUp(ports.b)]);
  // Warm both: Next compiles nothing at run time, but V8 does, and the pools open.
  for (const side of ["a", "b"]) wrk(ports[side]);
  const hz = 100; // USER_HZ on Linux
  const rounds = [];
  for (let i = 0; i < Number(opts.rounds); i++) {
    const round = {};
    // Alternate which side goes first, so neither always follows the other.
    for (const side of i % 2 ? ["b", "a"] : ["a", "b"]) {
      const before = ticks(servers[side].pid);
      const { rate, requests, p50, p99 } = wrk(ports[side]);
      const cpuMs = ((ticks(servers[side].pid) - before) * 1000) / hz / requests;
      round[side] = { rate, cpuMs, p50, p99 };
    }
    rounds.push(round);
    const side = (r) => `${r.rate.toFixed(1)}/s ${r.cpuMs.toFixed(2)} ms CPU p50 ${r.p50.toFixed(1)} p99 ${r.p99.toFixed(1)} ms`;
    console.log(`round ${i + 1}: A ${side(round.a)} · B ${side(round.b)} · B÷A ${(round.b.rate / round.a.rate).toFixed(3)}`);
  }
  const rateRatio = median(rounds.map((r) => r.b.rate / r.a.rate));
  const cpuRatio = median(rounds.map((r) => r.b.cpuMs / r.a.cpuMs));
  const latencies = (s) => `p50 ${median(rounds.map((r) => r[s].p50)).toFixed(1)} ms, p99 ${median(rounds.map((r) => r[s].p99)).toFixed(1)} ms`;
  const ahead = rounds.filter((r) => r.b.rate > r.a.rate).length;
  console.log(`\n${opts.page}, ${opts.connections} connections, ${rounds.length} rounds of ${opts.seconds} s`);
  console.log(`A ${opts.a}: median ${median(rounds.map((r) => r.a.rate)).toFixed(1)} pages/s, ${median(rounds.map((r) => r.a.cpuMs)).toFixed(2)} ms CPU per page, ${latencies("a")}`);
  console.log(`B ${opts.b}: median ${median(rounds.map((r) => r.b.rate)).toFixed(1)} pages/s, ${median(rounds.map((r) => r.b.cpuMs)).toFixed(2)} ms CPU per page, ${latencies("b")}`);
  console.log(`B ÷ A: pages a second ${rateRatio.toFixed(3)} (B ahead in ${ahead} of ${rounds.length} rounds), CPU per page ${cpuRatio.toFixed(3)}`);
} finally {
  stopAll();
}
