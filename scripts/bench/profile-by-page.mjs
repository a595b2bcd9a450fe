// Where each page's own CPU goes when pages are viewed interleaved, as the pages bench's rounds
// view them (issue 16). profile-summary.mjs sums a whole profile; a profile of one page alone can
// differ from the same page among others (the professional's record cost less than the documents
// page alone, and 6 % more interleaved: scripts/bench/measured/pages-2026-12-05.txt, twenty-ninth
// session). Here one client views the pages one request at a time, in an order drawn for each pass,
// and notes when each request started and ended; every sample of the server's profile taken inside
// a request's window is that page's. Node's hrtime and V8's profile both count microseconds of the
// same monotonic clock, so the windows and the samples line up.
//
//   (held world: BENCH_WARM_SECONDS=0 BENCH_PAGES_HOLD=/tmp/hold.json npm run bench -- pages)
//   one process on it: PORTAL_PROCESSES=1 node --cpu-prof --cpu-prof-interval 100 --cpu-prof-dir=/tmp/prof ...
//   node scripts/bench/profile-by-page.mjs views /tmp/hold.json 3300 1500 "documents,pro patient record" /tmp/windows.json
//   (stop the server with SIGINT: it writes its profile)
//   node scripts/bench/profile-by-page.mjs compare /tmp/prof/CPU.*.cpuprofile /tmp/windows.json documents "pro patient record" [top]
//
// Printed: each page's busy CPU per view (idle and the profiler's "(program)" left out), what fell
// outside every window (garbage collected between views, timers), then the functions whose self
// and inclusive time per view differ most between the two pages named. Only one request is ever
// in flight, so a sample cannot belong to two pages; work a view leaves behind (its garbage) is
// counted where it runs.
import { readFileSync, writeFileSync } from "node:fs";
import { heldPages, pageViewer } from "./held-pages.mjs";
import { originalOf } from "./source-position.mjs";


const [mode, ...args] = process.argv.slice(2);
if (mode === "views") await views(...args);
else if (mode === "compare") compare(...args);
else {
  console.error("usage: profile-by-page.mjs views <hold.json> <port> <passes> <keys> <windows.json>");
  console.error("       profile-by-page.mjs compare <file.cpuprofile> <windows.json> <page A> <page B> [top]");
  process.exit(2);
}

async function views(holdFile, port, passes, keys, out) {
  const { pages } = heldPages(holdFile, keys);
  const get = pageViewer(port);
  // Warmed first, outside the windows kept.
  for (let i = 0; i < 50; i++) for (const page of pages) await get(page);
  const windows = [];
  for (let pass = 0; pass < Number(passes); pass++) {
    for (const page of shuffled(pages)) {
      const start = process.hrtime.bigint();
      await get(page);
      windows.push([page.key, Number(start / 1000n), Number(process.hrtime.bigint() / 1000n)]);
    }
  }
  get.close();
  writeFileSync(out, JSON.stringify(windows));
  console.log(`${windows.length} views, windows in ${out}`);
}

function shuffled(list) {
  const copy = [...list];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy;
}


function compare(file, windowsFile, pageA, pageB, topArg = "25") {
  const profile = JSON.parse(readFileSync(file, "utf8"));
  const windows = JSON.parse(readFileSync(windowsFile, "utf8")).sort((a, b) => a[1] - b[1]);
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const parents = new Map();
  for (const node of profile.nodes) for (const child of node.children ?? []) parents.set(child, node.id);
  const views = new Map();
  for (const [key] of windows) views.set(key, (views.get(key) ?? 0) + 1);
  const nameOf = (frame) => {
    const original = originalOf(frame);
    return `${frame.functionName || "(anonymous)"} ${original ?? `${frame.url.split("/").pop()}:${frame.lineNumber}`}`;
  };
  const busy = new Map();
  const self = new Map();
  const inclusive = new Map();
  const add = (map, page, name, us) => {
    const perPage = map.get(page) ?? new Map();
    map.set(page, perPage);
    perPage.set(name, (perPage.get(name) ?? 0) + us);
  };
  let at = profile.startTime;
  let outside = 0;
  let w = 0;
  for (let i = 0; i < profile.samples.length; i++) {
    at += profile.timeDeltas[i];
    // A sample's interval is the time until the next sample.
    const us = profile.timeDeltas[i + 1] ?? 0;
    const node = nodes.get(profile.samples[i]);
    if (node.callFrame.functionName === "(idle)" || node.callFrame.functionName === "(program)") continue;
    while (w < windows.length && windows[w][2] < at) w++;
    if (w >= windows.length || windows[w][1] > at) {
      outside += us;
      continue;
    }
    const page = windows[w][0];
    busy.set(page, (busy.get(page) ?? 0) + us);
    add(self, page, nameOf(node.callFrame), us);
    const seen = new Set();
    for (let id = profile.samples[i]; id !== undefined; id = parents.get(id)) {
      const name = nameOf(nodes.get(id).callFrame);
      if (!seen.has(name)) add(inclusive, page, name, us);
      seen.add(name);
    }
  }
  for (const [page, us] of busy) console.log(`${page.padEnd(24)} busy ${(us / views.get(page)).toFixed(0)} µs a view (${views.get(page)} views)`);
  console.log(`outside every window: ${(outside / windows.length).toFixed(0)} µs a view`);
  for (const [label, map] of [["self", self], ["inclusive", inclusive]]) {
    const a = map.get(pageA) ?? new Map();
    const b = map.get(pageB) ?? new Map();
    const [na, nb] = [views.get(pageA) ?? 1, views.get(pageB) ?? 1];
    const rows = [...new Set([...a.keys(), ...b.keys()])].map((name) => [name, (a.get(name) ?? 0) / na, (b.get(name) ?? 0) / nb]);
    rows.sort((x, y) => y[2] - y[1] - (x[2] - x[1]));
    console.log(`\n${label} time, ${pageB} minus ${pageA}, µs a view:`);
    for (const [name, x, y] of rows.slice(0, Number(topArg))) console.log(`${(y - x).toFixed(1).padStart(7)}  (${x.toFixed(1)} -> ${y.toFixed(1)})  ${name}`);
  }
}
