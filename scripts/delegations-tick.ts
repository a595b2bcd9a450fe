/**
 * `npm run delegations:tick`: sends the delegations' due notices now (a pause that is over, an
 * end thirty days away). The portal's server does it after each purge, every 10 minutes; this
 * is the same idempotent work (src/server/delegations/delegations-tick.ts).
 */
import { delegationsTick } from "@/server/delegations/delegations-tick";
import { runCommand } from "./lib/run-command";

runCommand("Échec", async () => {
  const result = await delegationsTick();
  console.log(`Délégations : ${result.activated} activation(s) annoncée(s), ${result.ending} fin(s) prochaine(s) signalée(s).`);
});
