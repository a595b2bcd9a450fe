/**
 * `npm test`: every check. First lint, type-check and the production build, together (each
 * mostly uses one core); then vitest (unit and integration: on PGlite, or on the PostgreSQL
 * server of TEST_DATABASE_URL in a fresh database created and dropped by the run) beside the
 * Playwright end-to-end tests in Chromium against that build. Prints each step's duration; exits
 * non-zero if any step failed.
 *
 * Why vitest and Playwright together: Playwright drives one browser against one server, step by
 * step, and waits most of the time (a full run took 612 s of wall time for 404 s of CPU, browser
 * and server included, on these 2-core machines); vitest, one after it, made the whole suite
 * take 18 of CI's 20 minutes. Vitest runs at a lower CPU priority, so that the browser's steps,
 * which have time limits, come first; vitest's files have no time-sensitive assertions of that
 * kind (their waits are on the database). Each step's output is prefixed with its name, since
 * their lines interleave.
 */
import { spawn } from "node:child_process";

const node = process.execPath;
/** Steps of one stage run at once; stages run one after the other. */
const stages = [
  [
    ["lint", [node, "node_modules/eslint/bin/eslint.js", "."]],
    ["types", [node, "node_modules/typescript/bin/tsc", "--noEmit"]],
    // The production build for Playwright; scripts/e2e.mjs then finds it up to date.
    ["build", [node, "scripts/build-if-stale-cli.mjs"]],
  ],
  [
    ["vitest", ["nice", "-n", "10", node, "node_modules/vitest/vitest.mjs", "run"]],
    ["e2e", [node, "scripts/e2e.mjs"]],
  ],
];

/** Writes each line of a child's stream, prefixed with the step's name (lines of steps run together interleave). */
function prefixLines(stream, label, out) {
  let pending = "";
  stream.setEncoding("utf8");
  stream.on("data", (chunk) => {
    const lines = (pending + chunk).split("\n");
    pending = lines.pop() ?? "";
    for (const line of lines) out.write(`[${label}] ${line}\n`);
  });
  stream.on("end", () => {
    if (pending) out.write(`[${label}] ${pending}\n`);
  });
}

function run(label, [command, ...args]) {
  console.log(`=== ${label}: started`);
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: ["ignore", "pipe", "pipe"], env: process.env });
    prefixLines(child.stdout, label, process.stdout);
    prefixLines(child.stderr, label, process.stderr);
    child.on("close", (status) => {
      const seconds = Math.round((Date.now() - started) / 1000);
      console.log(`=== ${label}: ${status === 0 ? "ok" : "FAILED"} in ${seconds} s`);
      resolve({ label, ok: status === 0, seconds });
    });
  });
}

const started = Date.now();
const results = [];
for (const stage of stages) results.push(...(await Promise.all(stage.map(([label, step]) => run(label, step)))));

console.log(`\nDatabase for vitest: ${process.env.TEST_DATABASE_URL ? "PostgreSQL (TEST_DATABASE_URL)" : "PGlite"}`);
for (const { label, ok, seconds } of results) console.log(`${ok ? "ok  " : "FAIL"} ${label} (${seconds} s)`);
console.log(`npm test: ${Math.round((Date.now() - started) / 1000)} s`);
process.exit(results.every((r) => r.ok) ? 0 : 1);
