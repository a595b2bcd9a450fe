import { randomBytes } from "node:crypto";
import { existsSync, linkSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { env } from "./env";

/**
 * Secrets the app needs: the session-signing secret and the key that encrypts stored files.
 * In production they come from the environment (env.ts refuses to start without them). On a
 * demo or development machine they are generated once into DATA_DIR/secrets.json (mode 0600)
 * and reused, so sessions and stored files survive restarts.
 */
export type Secrets = { authSecret: string; storageKey: Buffer };

let cached: Secrets | undefined;

export function secrets(): Secrets {
  if (cached) return cached;
  const e = env();
  if (e.AUTH_SECRET && e.STORAGE_KEY) {
    cached = { authSecret: e.AUTH_SECRET, storageKey: Buffer.from(e.STORAGE_KEY, "base64") };
    return cached;
  }
  const file = path.resolve(e.DATA_DIR, "secrets.json");
  let stored: { authSecret: string; storageKey: string };
  if (existsSync(file)) {
    stored = JSON.parse(readFileSync(file, "utf8")) as typeof stored;
  } else {
    mkdirSync(path.dirname(file), { recursive: true });
    stored = { authSecret: randomBytes(32).toString("base64url"), storageKey: randomBytes(32).toString("base64") };
    // Several processes may start at once (a cluster on a demo's PostgreSQL): the file appears
    // whole or not at all (written aside, then linked, which fails if another process linked
    // first), so none reads it half-written; the one that loses reads the winner's.
    const draft = `${file}.${process.pid}`;
    writeFileSync(draft, JSON.stringify(stored), { mode: 0o600 });
    try {
      linkSync(draft, file);
    } catch {
      stored = JSON.parse(readFileSync(file, "utf8")) as typeof stored;
    } finally {
      rmSync(draft, { force: true });
    }
  }
  cached = {
    authSecret: e.AUTH_SECRET ?? stored.authSecret,
    storageKey: e.STORAGE_KEY ? Buffer.from(e.STORAGE_KEY, "base64") : Buffer.from(stored.storageKey, "base64"),
  };
  return cached;
}
