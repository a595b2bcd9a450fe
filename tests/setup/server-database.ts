import pg from "pg";
import { APP_ROLE } from "../../src/server/db/app-role";

/**
 * Creates (and later drops) a throw-away database on the PostgreSQL server named by
 * TEST_DATABASE_URL, so that test runs never share state with each other or with a developer's
 * data. Names carry their creation time, which lets a later run drop what a crashed run left.
 */
const PREFIX = "espace_test_";
const STALE_AFTER_MS = 6 * 60 * 60 * 1000;

export type ServerDatabase = { url: string; name: string; drop: () => Promise<void> };

function withDatabase(serverUrl: string, name: string) {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function onAdmin<T>(serverUrl: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/**
 * `template`: the name of a database made by this function to copy (CREATE DATABASE … TEMPLATE),
 * e.g. a migrated one that nobody connects to: a copy costs PostgreSQL a fraction of a second,
 * where migrating a new database cost each test file 2-3 s on a busy CI machine. The copy also
 * gets the right to connect that the migrations grant on their own database (privileges on a
 * database are not copied with it).
 */
export async function createServerDatabase(serverUrl: string, label: string, options: { template?: string } = {}): Promise<ServerDatabase> {
  const stamp = Date.now().toString(36);
  const name = `${PREFIX}${label}_${stamp}_${Math.random().toString(36).slice(2, 8)}`;
  const template = options.template;
  if (template !== undefined && (!/^[a-z0-9_]+$/.test(template) || !template.startsWith(PREFIX))) throw new Error(`not a test database: ${template}`);
  await onAdmin(serverUrl, async (client) => {
    await dropStaleDatabases(client);
    if (!template) {
      await client.query(`CREATE DATABASE ${name}`);
      return;
    }
    await client.query(`CREATE DATABASE ${name} TEMPLATE ${template}`);
    await client.query(`GRANT CONNECT ON DATABASE ${name} TO ${APP_ROLE}`);
  });
  return {
    name,
    url: withDatabase(serverUrl, name),
    drop: () => dropServerDatabase(serverUrl, name),
  };
}

/** Drops one database made by createServerDatabase (its name, as that returned it). */
export async function dropServerDatabase(serverUrl: string, name: string): Promise<void> {
  if (!/^[a-z0-9_]+$/.test(name) || !name.startsWith(PREFIX)) throw new Error(`not a test database: ${name}`);
  await onAdmin(serverUrl, async (client) => {
    // A pool's end() resolves before the server has seen every connection go: FORCE then ended a
    // connection whose client was still closing, and its FATAL 57P01 surfaced in the test run as
    // an uncaught error (migrate.test.ts, on a loaded machine). Wait, briefly, for them to leave.
    for (let waited = 0; waited < 3000; waited += 50) {
      const { rows } = await client.query<{ n: number }>("SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1", [name]);
      if ((rows[0]?.n ?? 0) === 0) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  });
}

async function dropStaleDatabases(client: pg.Client) {
  const { rows } = await client.query<{ datname: string }>("SELECT datname FROM pg_database WHERE datname LIKE $1", [
    `${PREFIX}%`,
  ]);
  for (const { datname } of rows) {
    const stamp = /_([0-9a-z]+)_[0-9a-z]+$/.exec(datname)?.[1];
    const createdAt = stamp ? parseInt(stamp, 36) : NaN;
    if (Number.isFinite(createdAt) && Date.now() - createdAt > STALE_AFTER_MS) {
      await client.query(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`).catch(() => undefined);
    }
  }
}

/**
 * Drops the databases with this label created since `sinceMs` (the run's own). Used for the
 * per-file databases: a file's worker process may still hold a connection when its last test
 * ends (a dropped connection then surfaces there as an uncaught error), so they are dropped by
 * the run's teardown, once every worker has exited.
 */
export async function dropDatabasesSince(serverUrl: string, label: string, sinceMs: number): Promise<void> {
  await onAdmin(serverUrl, async (client) => {
    const { rows } = await client.query<{ datname: string }>("SELECT datname FROM pg_database WHERE datname LIKE $1", [`${PREFIX}${label}_%`]);
    for (const { datname } of rows) {
      const stamp = /_([0-9a-z]+)_[0-9a-z]+$/.exec(datname)?.[1];
      if (stamp && parseInt(stamp, 36) >= sinceMs) await client.query(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`);
    }
  });
}
