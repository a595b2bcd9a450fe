#!/usr/bin/env node
// Generates the Prisma client (postinstall). Every Prisma CLI command first makes sure a native
// schema engine is present, downloading it if not; `prisma generate` never uses it. On a machine
// that cannot reach the engine host the download fails and so would `npm install`, so there, and
// only there, we point PRISMA_SCHEMA_ENGINE_BINARY at a stub. A connected machine, or one that
// already has the engine, runs the real CLI untouched.
import { spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, readdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const prismaBin = path.join(root, "node_modules", ".bin", "prisma");

function engineAlreadyPresent() {
  const dirs = [path.join(root, "node_modules", "@prisma", "engines"), path.join(root, "node_modules", "prisma")];
  if (dirs.some((dir) => existsSync(dir) && readdirSync(dir).some((f) => f.startsWith("schema-engine-")))) return true;
  // The CLI also caches engines under ~/.cache/prisma/master/<hash>/<target>/schema-engine.
  const cache = path.join(os.homedir(), ".cache", "prisma", "master");
  if (!existsSync(cache)) return false;
  return readdirSync(cache).some((hash) => {
    const dir = path.join(cache, hash);
    try {
      return readdirSync(dir).some((target) => existsSync(path.join(dir, target, "schema-engine")));
    } catch {
      return false;
    }
  });
}

async function engineHostReachable() {
  const host = process.env.PRISMA_ENGINES_MIRROR || process.env.PRISMA_BINARIES_MIRROR || "https://binaries.prisma.sh";
  try {
    await fetch(host, { method: "HEAD", signal: AbortSignal.timeout(4000) });
    return true; // any HTTP answer, even 403/404, means the download can be attempted
  } catch {
    return false;
  }
}

function writeStub() {
  const dir = path.join(root, "node_modules", ".cache", "espace-sante");
  mkdirSync(dir, { recursive: true });
  const stub = path.join(dir, "schema-engine-stub");
  writeFileSync(
    stub,
    '#!/bin/sh\necho "schema-engine stub: the Prisma schema engine is not installed on this machine" >&2\nexit 1\n',
  );
  chmodSync(stub, 0o755);
  return stub;
}

function generate(extraEnv) {
  const result = spawnSync(prismaBin, ["generate"], {
    cwd: root,
    env: { ...process.env, ...extraEnv },
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
  });
  return { status: result.status ?? 1, output: `${result.stderr ?? ""}${result.stdout ?? ""}` };
}

const NETWORK_FAILURE = /binaries\.prisma\.sh|ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ETIMEDOUT|fetch failed|download/i;

async function main() {
  const useRealCli =
    Boolean(process.env.PRISMA_SCHEMA_ENGINE_BINARY) || engineAlreadyPresent() || (await engineHostReachable());
  let result = useRealCli ? generate({}) : { status: 1, output: "" };
  if (!useRealCli || (result.status !== 0 && NETWORK_FAILURE.test(result.output))) {
    const stub = writeStub();
    if (useRealCli) console.log("prisma-generate: engine download failed; retrying with a stub schema engine.");
    else console.log("prisma-generate: no schema engine and no access to its host; using a stub (generate needs none).");
    result = generate({ PRISMA_SCHEMA_ENGINE_BINARY: stub });
  }
  process.stdout.write(result.output.replace(/^npm warn.*\n/gm, ""));
  if (result.status !== 0) {
    console.error("prisma-generate: `prisma generate` failed (see above).");
    process.exit(result.status);
  }
}

await main();
