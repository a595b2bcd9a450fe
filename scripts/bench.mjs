// `npm run bench`: builds the production app if it is missing or older than the sources, then
// runs the benchmarks in scripts/bench/ (what they measure: the top of scripts/bench/main.ts).
import { execFileSync } from "node:child_process";
import { buildIfStale } from "./lib/build-if-stale.mjs";

// Arguments pass through: `npm run bench -- documents` runs only the documents page (see main.ts).
const args = process.argv.slice(2).filter((a) => /^[a-z-]+$/.test(a));
// The sign-in bench and the prevention job run in-process: they need no production build.
const inProcess = ["sign-in", "prevention"];
if (!(args.length === 1 && inProcess.includes(args[0])) && !inProcess.includes(process.env.BENCH_ONLY ?? "")) buildIfStale();
execFileSync(process.execPath, ["node_modules/tsx/dist/cli.mjs", "--conditions", "react-server", "scripts/bench/main.ts", ...args], { stdio: "inherit" });
