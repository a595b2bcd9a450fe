import { randomBytes } from "node:crypto";
import pg from "pg";

/** A fresh database on the benchmark's PostgreSQL server, dropped at the end. */
export async function freshDatabase(serverUrl: string, name: string) {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name}`);
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const client = new pg.Client({ connectionString: serverUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}

/**
 * The environment of a bench's app server on `databaseUrl`, also set on this process (which
 * writes the bench's data and sessions with the same secrets). Secrets already set by a part
 * that ran first are kept: the secrets module reads them once per process. A bench drives one
 * account far past the per-account read limit; the reads are still counted (that cost is
 * measured), only the refusal is lifted.
 */
export function benchAppEnv(databaseUrl: string, appUrl: string, extra: Record<string, string> = {}): Record<string, string> {
  const env = {
    APP_ENV: "production",
    DATABASE_URL: databaseUrl,
    AUTH_SECRET: process.env.AUTH_SECRET ?? randomBytes(32).toString("base64url"),
    STORAGE_KEY: process.env.STORAGE_KEY ?? randomBytes(32).toString("base64"),
    APP_URL: appUrl,
    READS_PER_MINUTE: "100000000",
    ...extra,
  };
  Object.assign(process.env, env);
  return env;
}
