/**
 * `npm run prevention:daily`: the daily prevention job now (src/server/prevention/daily): every
 * person evaluated on the calendar in force, and the items that became due notified, once per
 * item and cycle. The portal's server runs it once a day on its own; running it again the same
 * day notifies nothing new.
 */
import { closeDatabase, database } from "@/server/db/client";
import { runPreventionTick } from "@/server/prevention/daily/run-prevention-tick";

async function main(): Promise<number> {
  const db = await database();
  try {
    const started = Date.now();
    const result = await runPreventionTick(db.sql, new Date());
    console.log(
      `Prévention : ${result.evaluated} personnes évaluées, ${result.notified} nouvelles notifications, ${result.skipped} dossiers sans date de naissance complète, en ${((Date.now() - started) / 1000).toFixed(1)} s.`,
    );
    return 0;
  } finally {
    await closeDatabase(db);
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error("Échec du calcul de prévention :", error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
