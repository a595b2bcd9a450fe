/**
 * `npm run children:majority`: runs the majority handover once (src/server/children/
 * run-majority-tick.ts): activations and notices for the young people who turn 18 within 30
 * days. Idempotent, so the periodic job may call it as often as it likes. Prints what it did, no
 * names. Run with `tsx --conditions react-server` (server-only modules).
 */
import { runMajorityTick } from "@/server/children/run-majority-tick";
import { closeDatabase, database } from "@/server/db/client";

async function main(): Promise<number> {
  const db = await database();
  try {
    const result = await runMajorityTick(new Date());
    console.log(`Espaces avec un représentant légal examinés : ${result.checked}`);
    console.log(`Passages à la majorité préparés : ${result.handedOver.length}`);
    for (const outcome of result.handedOver) console.log(`  Patient/${outcome.patientId} : activation ${outcome.activation}, ${outcome.guardians} représentant(s) prévenu(s)`);
    return 0;
  } finally {
    await closeDatabase(db);
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
