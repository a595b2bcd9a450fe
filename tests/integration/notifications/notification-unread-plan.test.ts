import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { refreshOrInsertSql } from "@/server/notifications/notify";
import { useTestDatabase } from "../../setup/test-database";
import { tamper } from "../audit/owner-sql";
import { planOf } from "../query-plan";

// A database of its own: its statistics are those of this file's rows alone.
const db = useTestDatabase({ fresh: true });

/**
 * A conversation's next message looks for the owner's unread notice of that conversation, to
 * refresh it (notify.ts, refreshOrInsertSql). With only the owner's indexes, PostgreSQL walked the
 * owner's notices newest first, read or not, testing each, until the conversation's: on a busy
 * professional's list, thousands. It now reads them from the unread notices by link
 * (prisma/migrations/20261223010000_notification_unread_by_link), for a professional's notice as
 * for a patient's space's.
 */
const practitionerAccount = randomUUID();
const patientId = randomUUID();
const oldConversation = randomUUID();

beforeAll(async () => {
  // A professional with 30,000 notices over 6,000 conversations, one in ten unread, and a patient
  // with 5,000 of her own, among 40,000 of other people; the conversation looked for is an old one.
  await tamper(db(), [
    {
      sql: `INSERT INTO notification (id, account_id, kind, link, created_at, read_at)
            SELECT gen_random_uuid(), $1::uuid, 'message-received', '/pro/messages/' || md5((n % 6000)::text),
                   now() - (n || ' minutes')::interval, CASE WHEN n % 10 = 0 THEN NULL ELSE now() END
              FROM generate_series(1, 30000) AS n`,
      params: [practitionerAccount],
    },
    {
      sql: `INSERT INTO notification (id, patient_id, kind, link, created_at, read_at)
            SELECT gen_random_uuid(), $1::uuid, 'message-received', '/espace/messages/' || md5((n % 900)::text),
                   now() - (n || ' minutes')::interval, CASE WHEN n % 10 = 0 THEN NULL ELSE now() END
              FROM generate_series(1, 5000) AS n`,
      params: [patientId],
    },
    {
      sql: `INSERT INTO notification (id, patient_id, kind, link, created_at, read_at)
            SELECT gen_random_uuid(), gen_random_uuid(), CASE WHEN n % 3 = 0 THEN 'message-received' ELSE 'document-added' END,
                   '/espace/messages/' || md5(n::text), now() - (n || ' seconds')::interval, CASE WHEN n % 4 = 0 THEN NULL ELSE now() END
              FROM generate_series(1, 40000) AS n`,
    },
    {
      sql: `INSERT INTO notification (id, account_id, patient_id, kind, link, created_at)
            VALUES (gen_random_uuid(), $1::uuid, NULL, 'message-received', '/pro/messages/' || $3, now() - interval '200 days'),
                   (gen_random_uuid(), NULL, $2::uuid, 'message-received', '/espace/messages/' || $3, now() - interval '200 days')`,
      params: [practitionerAccount, patientId, oldConversation],
    },
  ]);
  await tamper(db(), [{ sql: "ANALYZE notification" }]);
}, 120_000);

/** The refresh statement's parameters, in notify.ts's order, for one owner's notice of the old conversation. */
const values = (owner: { account?: string; patient?: string }, link: string) => [randomUUID(), owner.patient ?? null, owner.account ?? null, "message-received", false, link, null, `message-received:${randomUUID()}`, null];

/**
 * The indexes the statement's plan reads: the plan made for the values (the first five runs of a
 * prepared statement) or the generic one (kept after, when it costs no more: sql-driver.ts prepares each statement once per connection).
 */
const indexScans = async (ofAccount: boolean, params: unknown[], mode: "force_custom_plan" | "force_generic_plan") =>
  (await planOf(db(), refreshOrInsertSql(ofAccount), params, { plan_cache_mode: mode })).filter((node) => node["Index Name"]).map((node) => node["Index Name"]);
const MODES = ["force_custom_plan", "force_generic_plan"] as const;

describe("the lookup of a conversation's unread notice", () => {
  it.each(MODES)("a professional's: read from the unread notices by link, not her whole list (%s)", async (mode) => {
    const scans = await indexScans(true, values({ account: practitionerAccount }, `/pro/messages/${oldConversation}`), mode);
    expect(scans).toContain("notification_unread_link_idx");
    expect(scans).not.toContain("notification_account_idx");
  });

  it.each(MODES)("a patient's space's: the same (%s)", async (mode) => {
    const scans = await indexScans(false, values({ patient: patientId }, `/espace/messages/${oldConversation}`), mode);
    expect(scans).toContain("notification_unread_link_idx");
    expect(scans).not.toContain("notification_patient_idx");
  });
});
