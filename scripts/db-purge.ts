/**
 * `npm run db:purge`: deletes the expired sessions, sign-in challenges and rate-limit windows of
 * this environment's database now (the portal's server does it every 10 minutes on its own; see
 * src/server/db/purge-expired.ts). Exits 0 also when another process is purging at that moment.
 */
import { purgeExpired } from "@/server/db/purge-expired";
import { runCommand } from "./lib/run-command";

runCommand("Échec de la purge", async (db) => {
  const result = await purgeExpired(db.sql, new Date());
  if (result === "busy") console.log("Une purge est déjà en cours dans un autre processus : rien à faire.");
  else console.log(`Purge : ${result.sessions} sessions, ${result.challenges} défis de connexion, ${result.rateLimits} compteurs expirés, ${result.stagedFiles} fichiers jamais rattachés supprimés.`);
});
