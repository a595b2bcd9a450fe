-- The daily jobs (prevention reminders, majority handovers; src/server/jobs/daily-jobs.ts):
-- one row per job and Paris day, claimed before the run, so that however many app servers run
-- the 10-minute schedule, each job runs once a day. A failed run deletes its claim: the next
-- tick tries again.
CREATE TABLE "daily_job_run" (
  "job" TEXT NOT NULL,
  "day" DATE NOT NULL,
  "started_at" TIMESTAMPTZ(3) NOT NULL DEFAULT now(),
  "finished_at" TIMESTAMPTZ(3),
  CONSTRAINT "daily_job_run_pkey" PRIMARY KEY ("job", "day")
);

GRANT SELECT, INSERT, UPDATE, DELETE ON daily_job_run TO espace_sante_app;
