import "@/server/server-only";
import type { PatientRules } from "../access/rules";
import { database } from "../db/client";
import { RECENT_NOTICE_OF_N } from "../db/notification-store";
import { ruleRowsJson, rulesOfRows } from "./load-rules";
import type { ResourceRow } from "./resource-row";

export type NoticeSpace = { patientId: string; rules: PatientRules };

/**
 * The spaces this account's own notices of the last year are about (notify.ts `space`: a
 * caregiver's « réponse à un message que vous avez écrit »), with each space's rules, in one
 * statement. `unsafe`: no decision guards it; the caller decides, as the person would act in
 * each space, whether those notices are still hers to see (lost-notice-spaces.ts), and shows
 * nothing of a space from here.
 */
export async function unsafeNoticeSpacesOfAccount(accountId: string): Promise<NoticeSpace[]> {
  const { sql } = await database();
  const rows = await sql.query<{ patient_id: string; rules: ResourceRow[] | string }>(
    `SELECT s.space_id::text AS patient_id, ${ruleRowsJson("s.space_id", "r")} AS rules
       FROM (SELECT DISTINCT n.space_id FROM notification n
              WHERE n.account_id = $1::uuid AND n.space_id IS NOT NULL AND ${RECENT_NOTICE_OF_N}) s`,
    [accountId],
  );
  return rows.map((row) => ({
    patientId: row.patient_id,
    rules: rulesOfRows(row.patient_id, typeof row.rules === "string" ? (JSON.parse(row.rules) as ResourceRow[]) : row.rules),
  }));
}
