import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";

/**
 * Builds the production app (`next build`, the check that no server module reached the browser's
 * code, then the portal's server bundle) unless the build is
 * newer than every source file it reads. `npm start` and the end-to-end tests both need a current build, and a
 * build costs a minute on these machines, so neither pays it twice.
 */
const INPUTS = ["src", "public", "next.config.ts", "package-lock.json", "postcss.config.mjs", "tsconfig.json"];

function newestMtime(entry) {
  if (!existsSync(entry)) return 0;
  const stat = statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const child of readdirSync(entry)) newest = Math.max(newest, newestMtime(path.join(entry, child)));
  return newest;
}

const SERVER_BUNDLE = ".next/portal-server.mjs";

export function buildIsCurrent() {
  const buildId = ".next/BUILD_ID";
  if (!existsSync(buildId) || !existsSync(SERVER_BUNDLE)) return false;
  const built = Math.min(statSync(buildId).mtimeMs, statSync(SERVER_BUNDLE).mtimeMs);
  return INPUTS.every((input) => newestMtime(input) <= built);
}

const LOCK = ".next-build.lock";

function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Next refuses a second concurrent build in the same folder: wait for the other one instead. */
function withBuildLock(fn) {
  for (;;) {
    try {
      mkdirSync(LOCK);
      writeFileSync(`${LOCK}/pid`, String(process.pid));
      break;
    } catch {
      let holder = 0;
      try {
        holder = Number(readFileSync(`${LOCK}/pid`, "utf8"));
      } catch {
        // being created
      }
      if (holder && !alive(holder)) rmSync(LOCK, { recursive: true, force: true });
      else Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 1000);
    }
  }
  try {
    return fn();
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}

export function buildIfStale(options = {}) {
  return withBuildLock(() => buildUnlocked(options));
}

function buildUnlocked({ log = console.log } = {}) {
  if (buildIsCurrent()) {
    log("Build de production à jour.");
    return;
  }
  log("Construction de l'application (next build)…");
  const started = Date.now();
  const result = spawnSync(process.execPath, ["node_modules/next/dist/bin/next", "build"], {
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (result.status !== 0) throw new Error(`next build a échoué (code ${result.status}).`);
  const clientCheck = spawnSync(process.execPath, ["scripts/check-client-bundle.mjs"], { stdio: "inherit" });
  if (clientCheck.status !== 0) throw new Error("Du code serveur est dans le code envoyé au navigateur (scripts/check-client-bundle.mjs).");
  // After Next's build, which empties .next: the bundle is written inside it.
  const server = spawnSync(process.execPath, ["scripts/build-server.mjs"], { stdio: "inherit" });
  if (server.status !== 0) throw new Error(`La construction du serveur a échoué (code ${server.status}).`);
  log(`Build terminé en ${Math.round((Date.now() - started) / 1000)} s.`);
}
