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

/**
 * `conversationId`: one conversation's messages. `unreadOnly`: only those the professional has yet
 * to read (from the patient's side, no read receipt, not withdrawn: conversation-view.ts,
 * unreadBy), for the count on their home, which then reads and audits only the patients who
 * wrote to them since, not every patient they ever talked with.
 */
export type PractitionerMessagesFilter = { conversationId?: string; unreadOnly?: boolean };

const UNREAD_BY_PRACTITIONER = ` AND author NOT LIKE 'Practitioner/%' AND status IS DISTINCT FROM 'entered-in-error' AND content->>'received' IS NULL`;

export async function practitionerMessageRows(db: Queryable, practitionerRef: string, filter: PractitionerMessagesFilter = {}): Promise<ResourceRow[]> {
  const params: unknown[] = [practitionerRef, PRACTITIONER_MESSAGES_LIMIT];
  const byConversation = filter.conversationId ? ` AND group_id = $${params.push(filter.conversationId)}` : "";
  const unread = filter.unreadOnly ? UNREAD_BY_PRACTITIONER : "";
  return db.query<ResourceRow>(
    `SELECT ${ROW_COLUMNS} FROM fhir_resource
      WHERE actor_ref = $1 AND resource_type = 'Communication' AND NOT deleted${byConversation}${unread}
      ORDER BY date DESC NULLS LAST, id LIMIT $2`,
    params,
  );
}

export type PatientMessages = { patientId: string; messages: Communication[] };
