// What each page allocates per view, on a world the pages bench holds (issue 16). Unlike time,
// an allocation does not depend on what else the machine is doing: two pages compared this way
// come out the same on a quiet machine and on a busy one, where their timings drift by more than
// the few per cent between them. What a view allocates, the young generation's collector must
// sweep after it (a scavenge every 12 MB or so): a page allocating more pays for it in GC time.
//
//   (held world: BENCH_WARM_SECONDS=0 BENCH_PAGES_HOLD=/tmp/hold.json npm run bench -- pages)
//   node scripts/bench/alloc-per-view.mjs /tmp/hold.json 3330 300 "documents,prescriptions,caregiver documents" [top]
//
// One server of one process is started on the held world with alloc-sampler.mjs preloaded; each
// page is viewed 100 times to warm it, then, page after page, sampled over `views` views. Printed:
// kB allocated per view, page by page and divided by the first page's; then, for each other page,
// the functions (self) that allocate the most more than in the first page, through the source maps.
import { spawn } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";
import { setTimeout as sleep } from "node:timers/promises";
import { heldPages, pageViewer } from "./held-pages.mjs";
import { originalOf } from "./source-position.mjs";

const [holdFile, port, viewsArg, keysArg, topArg = "15"] = process.argv.slice(2);
if (!holdFile || !port || !viewsArg || !keysArg) {
  console.error('usage: alloc-per-view.mjs <hold.json> <port> <views> "<page>,<page>,..." [top]');
  process.exit(2);
}
const views = Number(viewsArg);
const { hold, pages } = heldPages(holdFile, keysArg);
const out = `/tmp/alloc-per-view-${process.pid}`;

const server = spawn(process.execPath, ["--max-semi-space-size=16", "--max-old-space-size=256", "--import", new URL("./alloc-sampler.mjs", import.meta.url).href, ".next/portal-server.mjs"], {
  env: { ...process.env, ...hold.env, PORTAL_PROCESSES: "1", PORT: port, NODE_ENV: "production", ALLOC_OUT: out },
  stdio: ["ignore", "ignore", "inherit"],
});
try {
  const view = pageViewer(port);
  await ready(() => view(pages[0]));
  for (const page of pages) for (let i = 0; i < 100; i++) await view(page);
  const profiles = [];
  for (const [index, page] of pages.entries()) {
    server.kill("SIGUSR2");
    await sleep(200);
    for (let i = 0; i < views; i++) await view(page);
    server.kill("SIGUSR2");
    profiles.push(await written(`${out}.${index + 1}.json`));
  }
  const sums = profiles.map(bySelf);
  const base = sums[0];
  console.log(`allocated per view, ${views} views each (sampled every 512 bytes, collected objects included)`);
  for (const [index, page] of pages.entries()) {
    const kB = sums[index].total / views / 1024;
    console.log(`${page.key.padEnd(24)} ${kB.toFixed(0).padStart(6)} kB  ${(sums[index].total / base.total).toFixed(2)} × ${pages[0].key}`);
  }
  for (const [index, page] of pages.entries()) {
    if (index === 0 || Number(topArg) <= 0) continue;
    console.log(`\n${page.key} minus ${pages[0].key}, kB a view (self):`);
    const names = new Set([...base.self.keys(), ...sums[index].self.keys()]);
    const rows = [...names].map((name) => [name, (sums[index].self.get(name) ?? 0) - (base.self.get(name) ?? 0)]).sort((a, b) => b[1] - a[1]);
    for (const [name, bytes] of rows.slice(0, Number(topArg))) console.log(`${(bytes / views / 1024).toFixed(1).padStart(8)}  ${name}`);
  }
  view.close();
} finally {
  server.kill("SIGINT");
  for (let n = 1; n <= pages.length; n++) rmSync(`${out}.${n}.json`, { force: true });
}

function fail(message) {
  throw new Error(message);
}

async function ready(probe) {
  let last;
  for (let i = 0; i < 120; i++) {
    try {
      return await probe();
    } catch (error) {
      last = error;
      await sleep(500);
    }
  }
  fail(`the server did not answer as expected: ${last?.message} (a held world's sessions end after a while unused: hold it again)`);
}

async function written(file) {
  for (let i = 0; i < 200 && !existsSync(file); i++) await sleep(100);
  return JSON.parse(readFileSync(file, "utf8"));
}

/** Bytes allocated per function (its own, not its callees'), named by its place in the source where the build's maps say it. */
function bySelf(profile) {
  const self = new Map();
  let total = 0;
  const walk = (node) => {
    const frame = node.callFrame;
    const name = `${frame.functionName || "(anonymous)"} ${originalOf(frame) ?? `${frame.url.split("/").slice(-2).join("/")}:${frame.lineNumber}`}`;
    self.set(name, (self.get(name) ?? 0) + node.selfSize);
    total += node.selfSize;
    for (const child of node.children) walk(child);
  };
  walk(profile.head);
  return { self, total };
}
