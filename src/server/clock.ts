import { readFileSync } from "node:fs";
import path from "node:path";
import { env } from "./env";

/**
 * The time the delegation rules read (the 24-hour pause, end dates, the periodic job). In
 * production it is the machine's clock, always. Under APP_ENV=test only, a test may move it
 * forward by writing a number of milliseconds to DATA_DIR/test-clock-offset (see
 * tests/e2e/helpers/test-clock.ts): a browser test cannot wait 24 hours for a pause to pass.
 * Sessions and sign-in keep the real clock, so shifting it never signs anyone out.
 */
export const TEST_CLOCK_FILE = "test-clock-offset";

// Read at most every 50 ms: decide() asks the time for every row it decides.
let cached: { dir: string; at: number; offset: number } | undefined;

export function clockOffsetMs(appEnv: string, dataDir: string): number {
  if (appEnv !== "test") return 0;
  const at = Date.now();
  if (cached && cached.dir === dataDir && at - cached.at < 50) return cached.offset;
  const offset = readOffset(dataDir);
  cached = { dir: dataDir, at, offset };
  return offset;
}

function readOffset(dataDir: string): number {
  try {
    const offset = Number(readFileSync(path.resolve(dataDir, TEST_CLOCK_FILE), "utf8").trim());
    return Number.isFinite(offset) ? offset : 0;
  } catch {
    return 0;
  }
}

export function now(): Date {
  const e = env();
  return new Date(Date.now() + clockOffsetMs(e.APP_ENV, e.DATA_DIR));
}
