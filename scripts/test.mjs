/**
 * `npm test`: every check: vitest (unit and integration: on PGlite, or on the PostgreSQL server
 * of TEST_DATABASE_URL in a fresh database created and dropped by the run), then Playwright
 * end-to-end tests in Chromium against the production build, with lint and type-check beside
 * them. Prints each step's duration and why a step failed; exits non-zero if any step failed.
 */
import { spawn } from "node:child_process";

const node = process.execPath;
/**
 * Lint and type-check at the lowest CPU priority (`nice`), one after the other, beside
 * Playwright: it is one browser driving one server a step at a time, which leaves a core of these
 * 2-core machines mostly idle for nine minutes, and both checks fit in it (about 110 s of CPU).
 * They ran first, alone, a minute on the critical path, and CI came within 68 s of its 20 minutes
 * (1,132 s on 8 December). At that priority they take nothing Playwright's processes want.
 */
const niced = (args) => ["nice", "-n", "19", node, ...args];

/**
 * Stages run one after the other; a stage's lanes run at once, and a lane's steps one after the
 * other.
 */
const stages = [
  // The production build for Playwright is made while vitest runs (vitest waits on the
  // database much of the time), then the end-to-end databases are seeded (scripts/e2e.mjs
  // --prepare), both seeds at once: the end-to-end step finds them ready and only runs Playwright.
  [
    [["vitest (unit + integration)", [node, "node_modules/vitest/vitest.mjs", "run"]]],
    [["build + e2e databases (for Playwright)", [node, "scripts/e2e.mjs", "--prepare"]]],
  ],
  [
    [["end-to-end (Playwright)", [node, "scripts/e2e.mjs", "--prepared"]]],
    [
      ["lint (eslint, beside Playwright)", niced(["node_modules/eslint/bin/eslint.js", "."])],
      ["types (tsc, beside Playwright)", niced(["node_modules/typescript/bin/tsc", "--noEmit"])],
    ],
  ],
];

/**
 * Lines that say why a step failed, ANSI colours removed: vitest's « Failed Tests » section and
 * Playwright's failed tests. CI keeps only the end of its log, which the end-to-end step fills:
 * a vitest failure scrolled out of it, and a red CI said « FAIL vitest » and nothing more.
 */
const WHY = /(FAIL|✘|×|failed|Error|expected|❯ tests\/)/;
const KEPT_LINES = 40;

function run(label, [command, ...args]) {
  console.log(`\n=== ${label} ===`);
  const started = Date.now();
  const why = [];
  const partial = { stdout: "", stderr: "" };
  const keep = (stream, chunk) => {
    // A chunk can end mid-line: the rest of that line comes with the next one.
    const lines = (partial[stream] + chunk.toString("utf8")).split("\n");
    partial[stream] = lines.pop() ?? "";
    for (const line of lines) {
      const plain = line.replace(/\x1b\[[0-9;]*m/g, "").trimEnd();
      if (WHY.test(plain) && !/✓/.test(plain)) why.push(plain.slice(0, 300));
      if (why.length > 4 * KEPT_LINES) why.splice(0, why.length - KEPT_LINES);
    }
  };
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: ["inherit", "pipe", "pipe"], env: process.env });
    child.stdout.on("data", (chunk) => (process.stdout.write(chunk), keep("stdout", chunk)));
    child.stderr.on("data", (chunk) => (process.stderr.write(chunk), keep("stderr", chunk)));
    child.on("close", (status) => resolve({ label, ok: status === 0, seconds: Math.round((Date.now() - started) / 1000), why: why.slice(-KEPT_LINES) }));
  });
}

const results = [];
async function runLane(steps) {
  const done = [];
  for (const [label, step] of steps) done.push(await run(label, step));
  return done;
}
for (const stage of stages) results.push(...(await Promise.all(stage.map(runLane))).flat());

console.log(`\nDatabase for vitest: ${process.env.TEST_DATABASE_URL ? "PostgreSQL (TEST_DATABASE_URL)" : "PGlite"}`);
for (const { label, ok, why } of results) if (!ok && why.length > 0) console.log(`\n--- why ${label} failed (its last lines saying so):\n${why.join("\n")}`);
console.log("");
for (const { label, ok, seconds } of results) console.log(`${ok ? "ok  " : "FAIL"} ${label} (${seconds} s)`);
process.exit(results.every((r) => r.ok) ? 0 : 1);
