// `npm run bench`: builds the production app if needed, then runs the benchmarks in scripts/bench/.
import { execSync } from "node:child_process";
import { existsSync } from "node:fs";

if (!existsSync(".next/BUILD_ID") || process.env.BENCH_REBUILD === "1") {
  execSync("npx next build", { stdio: "inherit" });
}
// Arguments pass through: `npm run bench -- documents` runs only the documents page (see main.ts).
const args = process.argv.slice(2).filter((a) => /^[a-z-]+$/.test(a));
execSync(["npx tsx --conditions react-server scripts/bench/main.ts", ...args].join(" "), { stdio: "inherit" });
