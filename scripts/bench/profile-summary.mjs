// Where a V8 CPU profile's time went (issue 16: "find where the time goes before changing
// anything"): self time grouped by package (or our own source folder) and the heaviest functions.
//   BENCH_CPU_PROF=/tmp/prof BENCH_PAGES=documents npm run bench -- pages
//   node scripts/bench/profile-summary.mjs /tmp/prof/CPU.*.cpuprofile [top] [fromMs]
// Idle time and the profiler's own "(program)" are left out of the shares: they are not the
// page's cost. fromMs: only the samples taken that many milliseconds after the profile began,
// so the server's start and first requests (module compilation) do not count as the page's.
// Our own functions keep their names only in a build made with
// `experimental: { serverMinification: false }` in next.config.ts (for profiling, not shipped);
// Next's own runtime (app-page-turbo.runtime.prod.js) is shipped minified either way.
// A native `writev` near the top is mostly time the server waits in the system call that sends
// a query to PostgreSQL, the sampler counting wall time there: a server on PostgreSQL's Unix
// socket instead of TCP showed no lower CPU per page (issue 16, session 5).
import { readFileSync } from "node:fs";

const [file, topArg, fromArg] = process.argv.slice(2);
if (!file) {
  console.error("usage: node scripts/bench/profile-summary.mjs <file.cpuprofile> [top] [fromMs]");
  process.exit(2);
}
const top = Number(topArg ?? 30);
const profile = JSON.parse(readFileSync(file, "utf8"));
const nodes = new Map(profile.nodes.map((node) => [node.id, node]));

// Self time per node: each sample is one interval spent in the sampled node.
const fromUs = Number(fromArg ?? 0) * 1000;
const selfUs = new Map();
let elapsedUs = 0;
for (let i = 0; i < profile.samples.length; i++) {
  const id = profile.samples[i];
  elapsedUs += profile.timeDeltas[i] ?? 0;
  if (elapsedUs < fromUs) continue;
  selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
}

function groupOf(url, name) {
  if (!url) return name.startsWith("(") ? name : "(native)";
  const modules = url.lastIndexOf("node_modules/");
  if (modules >= 0) {
    const rest = url.slice(modules + "node_modules/".length).split("/");
    return rest[0].startsWith("@") ? `${rest[0]}/${rest[1]}` : rest[0];
  }
  if (url.startsWith("node:")) return "node:" + url.slice(5).split("/")[0];
  const chunk = /\.next\/server\/chunks\/(ssr\/)?\[root-of-the-server\]__/.test(url) ? "next chunk (app code + bundled deps)" : undefined;
  if (chunk) return chunk;
  if (url.includes("/.next/server/")) return ".next/server (bundled)";
  if (url.includes("portal-server.mjs")) return "portal-server.mjs (bundled)";
  return url.replace(/^file:\/\//, "").replace(process.cwd() + "/", "");
}

const byGroup = new Map();
const byFunction = new Map();
let busy = 0;
for (const [id, us] of selfUs) {
  const node = nodes.get(id);
  const { functionName, url, lineNumber } = node.callFrame;
  const name = functionName || "(anonymous)";
  if (name === "(idle)" || name === "(program)") continue;
  busy += us;
  const group = groupOf(url, name);
  byGroup.set(group, (byGroup.get(group) ?? 0) + us);
  const key = `${name}  ${group}:${lineNumber + 1}`;
  byFunction.set(key, (byFunction.get(key) ?? 0) + us);
}

const pct = (us) => `${((us / busy) * 100).toFixed(1).padStart(5)} %`;
console.log(`busy: ${(busy / 1000).toFixed(0)} ms of samples (idle and "(program)" left out)\n\nby package or folder (self time)`);
for (const [group, us] of [...byGroup].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`${pct(us)}  ${group}`);
console.log("\nheaviest functions (self time)");
for (const [key, us] of [...byFunction].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`${pct(us)}  ${key}`);
