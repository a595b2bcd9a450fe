import { closeDatabase, database, type Database } from "@/server/db/client";

/**
 * The shape of the one-shot commands (db:purge, delegations:tick, prevention:daily,
 * account:invite, account:recover): open this environment's database, do the work, close it,
 * exit with the code the work gives (0 when it gives none); on an error, say it in French with
 * the command's own words and exit 1.
 */
export function runCommand(failure: string, work: (db: Database) => Promise<void | number>): void {
  const main = async () => {
    const db = await database();
    try {
      return await work(db);
    } finally {
      await closeDatabase(db);
    }
  };
  main().then(
    (code) => process.exit(code ?? 0),
    (error: unknown) => {
      console.error(`${failure} :`, error instanceof Error ? error.message : error);
      process.exit(1);
    },
  );
}
