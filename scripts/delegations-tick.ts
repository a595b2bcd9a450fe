/**
 * `npm run delegations:tick`: sends the delegations' due notices now (a pause that is over, an
 * end thirty days away). The portal's server does it after each purge, every 10 minutes; this
 * is the same idempotent work (src/server/delegations/delegations-tick.ts).
 */
import { closeDatabase, database } from "@/server/db/client";
import { delegationsTick } from "@/server/delegations/delegations-tick";

async function main(): Promise<number> {
  const db = await database();
  try {
    const result = await delegationsTick();
    console.log(`Délégations : ${result.activated} activation(s) annoncée(s), ${result.ending} fin(s) prochaine(s) signalée(s).`);
    return 0;
  } finally {
    await closeDatabase(db);
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error("Échec :", error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
