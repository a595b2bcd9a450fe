import "@/server/server-only";
import type { PatientRules } from "../access/rules";
import { database } from "../db/client";
import { RECENT_NOTICE_OF_N } from "../db/notification-store";
import { ruleRowsJson, rulesOfRows } from "./load-rules";
import type { ResourceRow } from "./resource-row";

/** `toldToTiesReaders`: how many of the unread are of kinds only whoever may list its ties reads (notices-of-ties.ts). */
export type UnreadInSpace = { patientId: string; unread: number; toldToTiesReaders: number; rules: PatientRules };

/**
 * The spaces of the patients whose RelatedPersons name this person as guardian or caregiver
 * (live or not), other than `listed`, that hold unread notices of the last year: their count and
 * the space's rules (its Patient row among them, for its name), in one statement, whatever the
 * number of spaces (issue 16: the notifications page is measured). `unsafe`: no decision guards
 * it; the caller decides, as each space's guardian or caregiver, whether she may read its notices
 * (unread-in-spaces.ts), and shows nothing of a space before that.
 */
export async function unsafeUnreadInSpacesOfAgent(agentPatientId: string, listed: readonly string[], tiesKinds: readonly string[]): Promise<UnreadInSpace[]> {
  const { sql } = await database();
  const rows = await sql.query<{ patient_id: string; unread: number; told_to_ties: number; rules: ResourceRow[] | string }>(
    `SELECT s.patient_id::text AS patient_id, u.unread, u.told_to_ties, ${ruleRowsJson("s.patient_id", "r")} AS rules
       FROM (SELECT DISTINCT patient_id FROM fhir_resource
              WHERE actor_ref = $1 AND resource_type = 'RelatedPerson' AND NOT deleted AND patient_id IS NOT NULL
                AND NOT (patient_id = ANY($2::uuid[]))) s
       CROSS JOIN LATERAL (SELECT count(*)::int AS unread, (count(*) FILTER (WHERE n.kind = ANY($3::text[])))::int AS told_to_ties FROM notification n
              WHERE n.patient_id = s.patient_id AND ${RECENT_NOTICE_OF_N} AND n.read_at IS NULL) u
      WHERE u.unread > 0`,
    [`Patient/${agentPatientId}`, listed, tiesKinds],
  );
  return rows.map((row) => ({
    patientId: row.patient_id,
    unread: Number(row.unread),
    toldToTiesReaders: Number(row.told_to_ties),
    rules: rulesOfRows(row.patient_id, typeof row.rules === "string" ? (JSON.parse(row.rules) as ResourceRow[]) : row.rules),
  }));
}
