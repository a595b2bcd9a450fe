import "@/server/server-only";
import { env } from "../env";
import { database } from "./client";
import { purgeExpired } from "./purge-expired";
import { delegationsTick } from "../delegations/delegations-tick";
import { runDailyJobs } from "../jobs/daily-jobs";

/**
 * Runs purgeExpired every PURGE_EVERY_MS in each process of the portal's server; the advisory
 * lock lets one of them do it at a time. A failure is logged and the next run tries again. The
 * same schedule carries the delegations' notices and the daily jobs (jobs/daily-jobs.ts).
 */
export const PURGE_EVERY_MS = 10 * 60 * 1000;
/** The first run waits for the server to be up and serving. */
const FIRST_RUN_AFTER_MS = 60 * 1000;

export function schedulePurge(): () => void {
  const run = async () => {
    try {
      const result = await purgeExpired((await database()).sql, new Date());
      if (result !== "busy" && result.sessions + result.challenges + result.rateLimits + result.stagedFiles > 0) {
        console.log(`Purge : ${result.sessions} sessions, ${result.challenges} défis de connexion, ${result.rateLimits} compteurs expirés, ${result.stagedFiles} fichiers jamais rattachés supprimés.`);
      }
      // The process that held the purge's lock also runs the delegations' notices; they are
      // idempotent anyway (guarded UPDATEs and dedupe keys), so a second runner sends nothing twice.
      if (result !== "busy") await delegationsTick();
    } catch (error) {
      console.error("Purge des données expirées : échec", error);
    }
    // Once per Paris day (each job claims its day in daily_job_run, whichever server ticks first):
    // the majority handovers and the prevention reminders.
    try {
      if (env().DAILY_JOBS === "on") await runDailyJobs((await database()).sql, new Date());
    } catch (error) {
      console.error("Tâches quotidiennes : échec (nouvel essai au prochain passage)", error);
    }
  };
  let interval: ReturnType<typeof setInterval> | undefined;
  const first = setTimeout(() => {
    void run();
    interval = setInterval(() => void run(), PURGE_EVERY_MS).unref();
  }, FIRST_RUN_AFTER_MS).unref();
  return () => {
    clearTimeout(first);
    if (interval) clearInterval(interval);
  };
}
