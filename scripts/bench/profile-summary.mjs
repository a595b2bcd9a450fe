// Where a V8 CPU profile's time went (issue 16: "find where the time goes before changing
// anything"): self time grouped by package (or our own source folder) and the heaviest functions.
//   BENCH_CPU_PROF=/tmp/prof BENCH_PAGES=documents npm run bench -- pages
//   node scripts/bench/profile-summary.mjs /tmp/prof/CPU.*.cpuprofile [top]
// Idle time and the profiler's own "(program)" are left out of the shares: they are not the
// page's cost.
import { readFileSync } from "node:fs";

const [file, topArg] = process.argv.slice(2);
if (!file) {
  console.error("usage: node scripts/bench/profile-summary.mjs <file.cpuprofile> [top]");
  process.exit(2);
}
const top = Number(topArg ?? 30);
const profile = JSON.parse(readFileSync(file, "utf8"));
const nodes = new Map(profile.nodes.map((node) => [node.id, node]));

// Self time per node: each sample is one interval spent in the sampled node.
const selfUs = new Map();
for (let i = 0; i < profile.samples.length; i++) {
  const id = profile.samples[i];
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
