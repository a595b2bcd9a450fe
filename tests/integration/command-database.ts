import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, inject } from "vitest";
import { closeDatabase, openDatabase, setDatabase, type Database } from "@/server/db/client";
import type { DatabaseTarget } from "@/server/db/sql-driver";
import { createServerDatabase, type ServerDatabase } from "../setup/server-database";

const root = path.resolve(import.meta.dirname, "../..");

export type CommandRun = { code: number; stdout: string; stderr: string };

/**
 * A database for an operator's command run as its own process (`npm run audit:verify`,
 * `npm run account:recover`), as the environment gives one: a PGlite data directory on disk, or
 * a database of its own on the TEST_DATABASE_URL server. `open` gives it to this process (on
 * PGlite, close it before running the command: one process at a time); `run` starts the script
 * with `tsx --conditions react-server`, this process's environment and `extraEnv`, on it.
 */
export function useCommandDatabase(label: string) {
  let dataDir: string | undefined;
  let server: ServerDatabase | undefined;
  let target: DatabaseTarget | undefined;

  beforeAll(async () => {
    const info = inject("testDatabase");
    const serverUrl = process.env.TEST_DATABASE_URL;
    if (info.kind === "server" && serverUrl) {
      server = await createServerDatabase(serverUrl, label.replaceAll("-", ""));
      target = { kind: "server", url: server.url };
    } else if (info.kind === "pglite") {
      dataDir = await mkdtemp(path.join(os.tmpdir(), `${label}-`));
      target = { kind: "pglite", dataDir: path.join(dataDir, "pglite") };
    }
  }, 60_000);

  afterAll(async () => {
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
    await server?.drop();
  });

  const targetOf = (): DatabaseTarget => {
    if (!target) throw new Error("useCommandDatabase(): the database only exists inside tests and hooks");
    return target;
  };

  return {
    async open(): Promise<Database> {
      const info = inject("testDatabase");
      const at = targetOf();
      const fresh = at.kind === "pglite" && !!at.dataDir && !existsSync(at.dataDir);
      const dump = info.kind === "pglite" && fresh ? new Blob([await readFile(info.templateFile)]) : undefined;
      return openDatabase(at, { poolSize: 2, ...(dump ? { loadDataDir: dump } : {}) });
    },
    close: closeDatabase,
    /** `fn` with this process's `database()` on the command's database, closed afterwards (PGlite: one process at a time). */
    async withDatabase<T>(fn: () => Promise<T>): Promise<T> {
      const opening = this.open();
      setDatabase(opening);
      const db = await opening;
      try {
        return await fn();
      } finally {
        await closeDatabase(db);
      }
    },
    run(script: string, args: string[] = [], extraEnv: Record<string, string> = {}): Promise<CommandRun> {
      const at = targetOf();
      const env: NodeJS.ProcessEnv = { ...process.env, APP_ENV: "test", ...extraEnv };
      delete env.DATABASE_URL;
      if (at.kind === "server") env.DATABASE_URL = at.url;
      else env.DATA_DIR = dataDir;
      return new Promise((resolve) => {
        execFile(
          path.join(root, "node_modules/.bin/tsx"),
          ["--conditions", "react-server", script, ...args],
          { cwd: root, env, timeout: 60_000 },
          (error, stdout, stderr) => resolve({ code: error ? (typeof error.code === "number" ? error.code : -1) : 0, stdout, stderr }),
        );
      });
    },
  };
}
