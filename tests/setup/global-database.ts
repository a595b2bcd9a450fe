import pg from "pg";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { migrate } from "../../src/server/db/migrate";
import { poolDriver } from "../../src/server/db/sql-driver";
import { pgliteTemplate } from "./pglite-template";
import { createServerDatabase, dropDatabasesSince } from "./server-database";

/**
 * Global setup of the integration tests. With TEST_DATABASE_URL: one fresh database on that
 * server for the whole run, migrated here and dropped at the end. Without: a migrated PGlite
 * template that each test file loads into its own in-memory PGlite.
 */
/**
 * `fileLabel`: the label of this run's per-file databases, so the run drops its own and no other run's.
 * `template`: a copy of the run's database as migrated, which no one connects to, for the per-file
 * databases to be copied from (test-database.ts) rather than migrated one by one.
 */
export type TestDatabaseInfo = { kind: "server"; url: string; fileLabel: string; template: string } | { kind: "pglite"; templateFile: string };

declare module "vitest" {
  export interface ProvidedContext {
    testDatabase: TestDatabaseInfo;
  }
}

export default async function setup(project: TestProject) {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    const templateFile = await pgliteTemplate(path.resolve(".test-data"));
    project.provide("testDatabase", { kind: "pglite", templateFile });
    return undefined;
  }
  const runStarted = Date.now();
  const fileLabel = `file${Math.random().toString(36).slice(2, 8)}`;
  const database = await createServerDatabase(serverUrl, "run");
  const pool = new pg.Pool({ connectionString: database.url, max: 1 });
  try {
    await migrate(poolDriver(pool));
  } finally {
    await pool.end();
  }
  // Copied now, while no connection to the run's database is open (a template must have none).
  const template = await createServerDatabase(serverUrl, "template", { template: database.name });
  project.provide("testDatabase", { kind: "server", url: database.url, fileLabel, template: template.name });
  return async () => {
    await database.drop();
    await template.drop();
    await dropDatabasesSince(serverUrl, fileLabel, runStarted);
  };
}
