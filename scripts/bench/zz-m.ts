import { readFileSync } from "node:fs";
import { execSync } from "node:child_process";
import { measure } from "./page-measure";
const held = JSON.parse(readFileSync("/work/runs/hold.json", "utf8"));
const port = new URL(held.pages[0].url).port;
const pid = Number(execSync(`ss -ltnp 'sport = :${port}' | grep -o 'pid=[0-9]*' | head -1`).toString().trim().slice(4));
const keys = process.argv.slice(2);
for (let r = 0; r < 2; r++) for (const key of keys) {
  const p = held.pages.find((x: { key: string }) => x.key === key);
  const t = await measure(key, p.url, p.cookie, 1, 40, { pid } as never);
  console.log(key.padEnd(20), "ttfb", t.ttfbMedian.toFixed(1), "total", t.totalMedian.toFixed(1), "cpu", t.appCpuMsPerRequest.toFixed(1), "non200", t.non200);
}
process.exit(0);
