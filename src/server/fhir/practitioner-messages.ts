import "@/server/server-only";
import type { Communication } from "@medplum/fhirtypes";
import type { Queryable } from "../db/queryable";
import { ROW_COLUMNS, type ResourceRow } from "./resource-row";

/**
 * A professional's messages across their patients, newest first, by the index on actor_ref
 * (a Communication's actor_ref is the professional its conversation is with). Rows only: the
 * repository then asks decide() of each, with each patient's rules, and audits per patient.
 */
export const PRACTITIONER_MESSAGES_LIMIT = 500;

export async function practitionerMessageRows(db: Queryable, practitionerRef: string, conversationId?: string): Promise<ResourceRow[]> {
  const params: unknown[] = [practitionerRef, PRACTITIONER_MESSAGES_LIMIT];
  const byConversation = conversationId ? ` AND group_id = $${params.push(conversationId)}` : "";
  return db.query<ResourceRow>(
    `SELECT ${ROW_COLUMNS} FROM fhir_resource
      WHERE actor_ref = $1 AND resource_type = 'Communication' AND NOT deleted${byConversation}
      ORDER BY date DESC NULLS LAST, id LIMIT $2`,
    params,
  );
}

export type PatientMessages = { patientId: string; messages: Communication[] };
