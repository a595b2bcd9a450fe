import { describe, expect, it } from "vitest";
import { database } from "@/server/db/client";
import type { Queryable } from "@/server/db/queryable";
import { runDailyJobs } from "@/server/jobs/daily-jobs";
import { useTestDatabase } from "../../setup/test-database";

// A database of its own: the job reads every person in it and notifies them; on the shared
// server database it would write notices and trail rows into other files' patients (a
// prevention notice once landed in events-notify's count for Camille).
const db = useTestDatabase({ fresh: true });

/**
 * The daily jobs from the 10-minute schedule: once per Paris day however often (or from however
 * many servers) they are ticked, again the next day, and retried after a failed run.
 */
describe("daily jobs", () => {
  it("run once a Paris day, again the next day, and a failed run gives its day back", async () => {
    const sql = (await database()).sql;
    // 23:30 UTC on 30 November is already 1 December in Paris.
    const first = await runDailyJobs(sql, new Date("2026-11-30T23:30:00Z"));
    expect(first["prevention-reminders"]).not.toBe("busy");
    expect(first["majority-handover"]).not.toBe("busy");
    expect(first["closed-spaces-erasure"]).toBe(JSON.stringify({ erased: 0 }));
    expect(first["protection-measures-ending"]).toBe(JSON.stringify({ told: 0 }));
    expect(await runDailyJobs(sql, new Date("2026-12-01T20:00:00Z"))).toEqual({
      "majority-handover": "busy",
      "prevention-reminders": "busy",
      "closed-spaces-erasure": "busy",
      "protection-measures-ending": "busy",
    });
    const runs = await db().prisma.dailyJobRun.findMany({ orderBy: { job: "asc" } });
    expect(runs.map((r) => [r.job, r.day.toISOString().slice(0, 10), r.finishedAt !== null])).toEqual([
      ["closed-spaces-erasure", "2026-12-01", true],
      ["majority-handover", "2026-12-01", true],
      ["prevention-reminders", "2026-12-01", true],
      ["protection-measures-ending", "2026-12-01", true],
    ]);

    // The next day the prevention job fails (its database read breaks): the day is given back.
    const failing: Queryable = {
      query: (text, params) => (text.includes("resource_type = 'Patient'") ? Promise.reject(new Error("panne")) : sql.query(text, params)),
    };
    await expect(runDailyJobs(failing, new Date("2026-12-02T08:00:00Z"))).rejects.toThrow("panne");
    expect(await db().prisma.dailyJobRun.count({ where: { job: "prevention-reminders", day: new Date("2026-12-02") } })).toBe(0);
    const retried = await runDailyJobs(sql, new Date("2026-12-02T08:10:00Z"));
    expect(retried["prevention-reminders"]).not.toBe("busy");
  }, 120_000);
});
