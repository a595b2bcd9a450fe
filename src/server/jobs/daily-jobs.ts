import "@/server/server-only";
import { runMajorityTick } from "../children/run-majority-tick";
import type { Queryable } from "../db/queryable";
import { eraseClosedSpaces } from "./erase-closed-spaces";
import { runPreventionTick } from "../prevention/daily/run-prevention-tick";
import { runMeasuresEndingTick } from "../guardianship/measures-ending-tick";
import { todayInParis } from "../prevention/days";

/**
 * The jobs that run once per Paris day, from the portal's 10-minute schedule (purge-schedule.ts)
 * or on demand: the majority handovers (children/run-majority-tick.ts), the prevention
 * reminders (prevention/daily/run-prevention-tick.ts), the erasure of closed spaces
 * (erase-closed-spaces.ts) and the notice of protection measures near their last day
 * (guardianship/measures-ending-tick.ts). Each job claims its day in daily_job_run
 * first, so however many servers tick, it runs once a day: the prevention job reads every
 * person's record and leaves a row in each trail, which must not happen every ten minutes. A
 * failed run gives its claim back so the next tick tries again; the jobs are idempotent, so a
 * run cut short and retried sends nothing twice.
 */
export const DAILY_JOBS = {
  "majority-handover": async (_db: Queryable, now: Date) => JSON.stringify(await runMajorityTick(now)),
  "prevention-reminders": async (db: Queryable, now: Date) => JSON.stringify(await runPreventionTick(db, now)),
  // Closed spaces due for erasure: asked for by their holder, or ten years archived (CSP art. R1111-36).
  "closed-spaces-erasure": async (db: Queryable, now: Date) => JSON.stringify(await eraseClosedSpaces(db, now)),
  "protection-measures-ending": async (_db: Queryable, now: Date) => JSON.stringify(await runMeasuresEndingTick(now)),
} as const;

export type DailyJob = keyof typeof DAILY_JOBS;

/** Runs the jobs whose day is not claimed yet; answers what ran ("busy": claimed elsewhere today). */
export async function runDailyJobs(db: Queryable, now: Date): Promise<Record<DailyJob, string>> {
  const day = todayInParis(now);
  const outcome = {} as Record<DailyJob, string>;
  for (const job of Object.keys(DAILY_JOBS) as DailyJob[]) {
    const claimed = await db.query(
      `INSERT INTO daily_job_run (job, day, started_at) VALUES ($1, $2::date, $3) ON CONFLICT DO NOTHING RETURNING job`,
      [job, day, now],
    );
    if (claimed.length === 0) {
      outcome[job] = "busy";
      continue;
    }
    try {
      outcome[job] = await DAILY_JOBS[job](db, now);
      await db.query(`UPDATE daily_job_run SET finished_at = now() WHERE job = $1 AND day = $2::date`, [job, day]);
    } catch (error) {
      await db.query(`DELETE FROM daily_job_run WHERE job = $1 AND day = $2::date`, [job, day]);
      throw error;
    }
  }
  return outcome;
}
