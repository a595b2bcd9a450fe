import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runOnBuiltNextConfig } from "@/server/http/built-next-config";

const VARIABLE = "__NEXT_PRIVATE_STANDALONE_CONFIG";
type LoadConfig = (phase: string, dir: string) => Promise<Record<string, unknown>>;
const loadConfig = (createRequire(import.meta.url)("next/dist/server/config") as { default: LoadConfig }).default;

let dir = "";
let saved: NodeJS.ProcessEnv;

beforeEach(() => {
  saved = { ...process.env };
  // The portal's server runs in production (vitest sets "test", for which Next reads .env.test);
  // set before the first read, which Next's env loader keeps as the environment it starts from.
  Object.assign(process.env, { NODE_ENV: "production" });
  dir = mkdtempSync(path.join(tmpdir(), "built-next-config-"));
  // A next.config.ts that fails if anyone compiles and runs it: the server must not.
  writeFileSync(path.join(dir, "next.config.ts"), 'throw new Error("next.config.ts was compiled at start");\nexport default {};\n');
});

afterEach(() => {
  process.env = saved;
  rmSync(dir, { recursive: true, force: true });
});

function writeBuild(config: unknown) {
  mkdirSync(path.join(dir, ".next"));
  writeFileSync(path.join(dir, ".next", "required-server-files.json"), JSON.stringify({ version: 1, config }));
}

describe("the portal's server hands Next the configuration its build wrote", () => {
  it("makes Next run on the build's configuration without compiling next.config.ts", async () => {
    writeBuild({ distDir: ".next", poweredByHeader: false, generateEtags: false, env: {} });
    expect(runOnBuiltNextConfig(dir)).toBe(true);
    const config = await loadConfig("phase-production-server", dir);
    expect(config.poweredByHeader).toBe(false);
    expect(config.generateEtags).toBe(false);
  });

  it("reads the production .env files, as Next does for `next start`", () => {
    writeBuild({ distDir: ".next" });
    writeFileSync(path.join(dir, ".env.production"), "BUILT_CONFIG_TEST_VALUE=from-env-file\n");
    writeFileSync(path.join(dir, ".env.development"), "BUILT_CONFIG_TEST_DEV=never\n");
    delete process.env.BUILT_CONFIG_TEST_VALUE;
    runOnBuiltNextConfig(dir);
    expect(process.env.BUILT_CONFIG_TEST_VALUE).toBe("from-env-file");
    expect(process.env.BUILT_CONFIG_TEST_DEV).toBeUndefined();
  });

  it("changes nothing without a build's configuration: Next then reads next.config.ts itself", () => {
    delete process.env[VARIABLE];
    expect(runOnBuiltNextConfig(dir)).toBe(false);
    expect(process.env[VARIABLE]).toBeUndefined();
    mkdirSync(path.join(dir, ".next"));
    writeFileSync(path.join(dir, ".next", "required-server-files.json"), "{ not json");
    expect(runOnBuiltNextConfig(dir)).toBe(false);
    expect(process.env[VARIABLE]).toBeUndefined();
  });
});
