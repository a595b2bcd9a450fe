import { PGlite } from "@electric-sql/pglite";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { listMigrations, migrate } from "../../src/server/db/migrate";
import { pgliteDriver } from "../../src/server/db/sql-driver";

/**
 * A migrated PGlite, dumped once to .test-data and loaded by every test file: loading a dump
 * takes about 1 s where starting a fresh PGlite and migrating it takes about 5 s. The file name
 * carries a hash of the migrations, so a new or changed migration builds a new template and an
 * unchanged one is reused across runs.
 */
export async function pgliteTemplate(dir: string): Promise<string> {
  const migrations = await listMigrations();
  const key = createHash("sha256")
    .update(migrations.map((m) => `${m.name}:${m.checksum}`).join("\n"))
    .digest("hex")
    .slice(0, 16);
  const file = path.join(dir, `pglite-template-${key}.tar`);
  if (existsSync(file)) return file;

  mkdirSync(dir, { recursive: true });
  const pglite = new PGlite();
  try {
    await migrate(pgliteDriver(pglite));
    const dump = await pglite.dumpDataDir("none");
    // Write then rename, so a concurrent run never loads a half-written file.
    const partial = `${file}.${process.pid}.partial`;
    writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
    renameSync(partial, file);
  } finally {
    await pglite.close();
  }
  for (const old of readdirSync(dir)) {
    if (old.startsWith("pglite-template-") && path.join(dir, old) !== file && !old.endsWith(".partial")) {
      rmSync(path.join(dir, old), { force: true });
    }
  }
  return file;
}
