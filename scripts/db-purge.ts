/**
 * `npm run db:purge`: deletes the expired sessions, sign-in challenges and rate-limit windows of
 * this environment's database now (the portal's server does it every 10 minutes on its own; see
 * src/server/db/purge-expired.ts). Exits 0 also when another process is purging at that moment.
 */
import { closeDatabase, database } from "@/server/db/client";
import { purgeExpired } from "@/server/db/purge-expired";

async function main(): Promise<number> {
  const db = await database();
  try {
    const result = await purgeExpired(db.sql, new Date());
    if (result === "busy") console.log("Une purge est déjà en cours dans un autre processus : rien à faire.");
    else console.log(`Purge : ${result.sessions} sessions, ${result.challenges} défis de connexion, ${result.rateLimits} compteurs expirés supprimés.`);
    return 0;
  } finally {
    await closeDatabase(db);
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error("Échec de la purge :", error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
