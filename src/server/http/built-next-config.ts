import { readFileSync } from "node:fs";
import path from "node:path";
// CommonJS, whose named exports an ES module bundle cannot import by name.
import nextEnv from "@next/env";

/**
 * Hands Next the configuration its build wrote (.next/required-server-files.json), as Next's own
 * standalone server (`output: "standalone"`, its generated server.js) does, instead of letting it
 * compile next.config.ts again at every start.
 *
 * Why: next.config.ts is TypeScript, and Next compiles it at each start with SWC, its native
 * compiler, a 26 MB library that then stays mapped in the server for its whole life: 26 MB of a
 * process's resident memory (issue 16: one process stays within 400 MB) for a file compiled once,
 * at build time. The configuration Next then runs on is the one its build already wrote out, the
 * same that standalone servers run on; what is not plain data (headers(), a function) was turned
 * into the build's routes manifest, which the server reads either way.
 *
 * Next skips its .env files on this path (as standalone servers do): they are read here, as Next
 * reads them for `next start` (production files only).
 *
 * Nothing changes if the build wrote no such file: Next then reads next.config.ts as before.
 */
export function runOnBuiltNextConfig(dir: string): boolean {
  let config: unknown;
  try {
    config = (JSON.parse(readFileSync(path.join(dir, ".next", "required-server-files.json"), "utf8")) as { config?: unknown }).config;
  } catch {
    return false;
  }
  if (!config || typeof config !== "object") return false;
  nextEnv.loadEnvConfig(dir, false, { info: () => {}, error: (...args: unknown[]) => console.error(...args) }, true);
  process.env.__NEXT_PRIVATE_STANDALONE_CONFIG = JSON.stringify(config);
  return true;
}
