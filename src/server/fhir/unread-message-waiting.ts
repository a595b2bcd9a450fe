import "@/server/server-only";
import type { Queryable } from "../db/queryable";

/**
 * Whether the recipient's side of a conversation already has a message waiting, unread, from the
 * same side as `exceptId` (the message just written, left out): then the recipient was already
 * e-mailed for this conversation and has not opened it since, and the new message adds no e-mail
 * (messages/create-message.ts). « Unread » as the pages say it (conversation-view.ts, unreadBy):
 * no read receipt (`received`, written when the other side opens the conversation), not withdrawn.
 *
 * Read by the notifications' writer without a decision, as caregivers-who-wrote.ts (hence
 * `unsafe`): one yes or no that only chooses whether an e-mail goes; nothing of it reaches a page.
 * One statement on the (patient, conversation) index.
 */
export async function unsafeUnreadMessageWaiting(db: Queryable, m: { patientId: string; conversationId: string; fromPractitioner: boolean; exceptId: string }): Promise<boolean> {
  const [row] = await db.query<{ waiting: boolean }>(
    `SELECT EXISTS (
       SELECT 1 FROM fhir_resource m
        WHERE m.patient_id = $1::uuid AND m.group_id = $2 AND m.resource_type = 'Communication' AND NOT m.deleted
          AND m.id <> $3::uuid AND (m.author LIKE 'Practitioner/%') = $4
          AND m.status IS DISTINCT FROM 'entered-in-error' AND m.content->>'received' IS NULL
     ) AS waiting`,
    [m.patientId, m.conversationId, m.exceptId, m.fromPractitioner],
  );
  return row?.waiting === true;
}
