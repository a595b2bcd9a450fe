// Preloaded into the portal's server by alloc-per-view.mjs (node --import): V8's sampling heap profiler,
// counting every allocation, those the garbage collector has already taken back included, so that
// what a page view allocates is measured, not what it leaves behind (node's own --heap-prof keeps
// only what is still alive when it stops). Each SIGUSR2 starts a sampling, the next one stops it
// and writes it to $ALLOC_OUT.<n>.json, n counting from 1.
import fs from "node:fs";
import inspector from "node:inspector";

const session = new inspector.Session();
session.connect();
session.post("HeapProfiler.enable");
let sampling = false;
let written = 0;
process.on("SIGUSR2", () => {
  if (!sampling) {
    sampling = true;
    session.post("HeapProfiler.startSampling", { samplingInterval: 512, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true });
    return;
  }
  sampling = false;
  session.post("HeapProfiler.stopSampling", (error, result) => {
    if (error) throw error;
    written += 1;
    const out = `${process.env.ALLOC_OUT}.${written}.json`;
    fs.writeFileSync(`${out}.part`, JSON.stringify(result.profile));
    fs.renameSync(`${out}.part`, out);
  });
});
