/**
 * The end-to-end cluster's database (scripts/e2e.mjs): `create` makes a throw-away database on
 * the PostgreSQL server of TEST_DATABASE_URL and prints its URL; `drop <name>` drops it. Same
 * naming as the vitest databases (tests/setup/server-database.ts), so a run that crashed before
 * dropping its database has it dropped by a later run.
 */
import { createServerDatabase, dropServerDatabase } from "../tests/setup/server-database";

async function main(): Promise<void> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) throw new Error("TEST_DATABASE_URL manquant");
  const [command, name] = process.argv.slice(2);
  if (command === "create") {
    const created = await createServerDatabase(serverUrl, "e2e_cluster");
    process.stdout.write(JSON.stringify({ url: created.url, name: created.name }));
    return;
  }
  if (command === "drop" && name) {
    await dropServerDatabase(serverUrl, name);
    return;
  }
  throw new Error("usage : e2e-cluster-database.ts create | drop <nom>");
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
