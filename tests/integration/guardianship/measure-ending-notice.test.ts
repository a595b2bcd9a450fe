import { describe, expect, it } from "vitest";
import { KIND_INFO } from "@/lib/notifications/kinds";
import { database } from "@/server/db/client";
import { endProtectionMeasure } from "@/server/guardianship/end-protection-measure";
import { runDailyJobs } from "@/server/jobs/daily-jobs";
import { useTestDatabase } from "../../setup/test-database";
import * as notificationsPage from "@/pages/espace/notifications";
import { servePage } from "../pages/pages-route";
import { measureWorld } from "./world";

// A database of its own: the daily jobs claim their Paris day in it and read every person in it
// (daily-jobs.test.ts says why not the shared one).
const db = useTestDatabase({ fresh: true });
const DAY = 24 * 3600 * 1000;

/** Her space's notices, or his account's (a representative's are his alone: tell-representative.ts). */
const notices = async (patientId: string, accountId?: string) =>
  db().sql.query<{ link: string }>("SELECT link FROM notification WHERE (patient_id = $1::uuid OR account_id = $2::uuid) AND kind = 'protection-measure-ending'", [patientId, accountId ?? null]);
const mailsTo = async (email: string) =>
  db().sql.query<{ subject: string; text_body: string }>("SELECT subject, text_body FROM email_outbox WHERE recipient = $1 AND kind = 'notification-protection-measure-ending'", [email]);
/** The daily jobs as the 10-minute schedule runs them, `days` from now (each run on a Paris day of its own). */
const dailyJobsIn = async (days: number) => runDailyJobs((await database()).sql, new Date(Date.now() + days * DAY));

/**
 * The adult and her representative are told, once, by the daily jobs, about three months before
 * the measure's last day, so that the renewal can be asked of the judge in time (Code civil art.
 * 442, 443; measures-ending-tick.ts): a notice in the portal and an e-mail with nothing of the
 * measure nor of her in it. A measure ended early is not announced.
 */
describe("the notice that a protection measure ends soon", () => {
  it("tells both once, three months before its last day, and nothing of a measure already ended", async () => {
    const { ines, paul } = await measureWorld("measure-ending", 200);
    const ended = await measureWorld("measure-ending-early", 150);
    expect((await endProtectionMeasure({ adultEmail: ended.ines.email, representativeEmail: ended.paul.email, now: new Date() })).ok).toBe(true);

    // Four months before: nothing yet.
    await dailyJobsIn(80);
    expect([(await notices(ines.patientId)).length, (await notices(paul.patientId, paul.account.id)).length]).toEqual([0, 0]);

    // Less than three months before: both told, in the portal and by e-mail.
    await dailyJobsIn(110);
    expect([(await notices(ines.patientId)).length, (await notices(paul.patientId, paul.account.id)).length]).toEqual([1, 1]);
    for (const email of [ines.email, paul.email]) {
      const mails = await mailsTo(email);
      expect(mails).toHaveLength(1);
      const all = `${mails[0]!.subject}\n${mails[0]!.text_body}`;
      for (const secret of ["Ines", "Paul", "Protegee", "Tuteur", "RG 26/01234", "Bilan", "mesure"]) expect(all).not.toContain(secret);
    }
    // Her notices page says it in plain words.
    const page = (await servePage(notificationsPage, "/espace/notifications", { cookie: ines.session.cookie })).html!.replaceAll("&#x27;", "'");
    expect(page).toContain(KIND_INFO["protection-measure-ending"].text);

    // The next days' runs: still once each. The measure ended early: never.
    await dailyJobsIn(111);
    await dailyJobsIn(150);
    expect([(await notices(ines.patientId)).length, (await notices(paul.patientId, paul.account.id)).length]).toEqual([1, 1]);
    expect(await mailsTo(paul.email)).toHaveLength(1);
    expect([(await notices(ended.ines.patientId)).length, (await notices(ended.paul.patientId, ended.paul.account.id)).length]).toEqual([0, 0]);
  }, 180_000);
});
