/**
 * `npm run prevention:daily`: the daily prevention job now (src/server/prevention/daily): every
 * person evaluated on the calendar in force, and the items that became due notified, once per
 * item and cycle. The portal's server runs it once a day on its own; running it again the same
 * day notifies nothing new.
 */
import { runPreventionTick } from "@/server/prevention/daily/run-prevention-tick";
import { runCommand } from "./lib/run-command";

runCommand("Échec du calcul de prévention", async (db) => {
  const started = Date.now();
  const result = await runPreventionTick(db.sql, new Date());
  console.log(
    `Prévention : ${result.evaluated} personnes évaluées, ${result.notified} nouvelles notifications, ${result.skipped} dossiers sans date de naissance complète, en ${((Date.now() - started) / 1000).toFixed(1)} s.`,
  );
});
