import "@/server/server-only";
import type { Communication, Resource } from "@medplum/fhirtypes";
import type { Queryable } from "../db/queryable";
import { lockConversationNews } from "../messages/conversation-news-lock";
import { conversationIdOf, practitionerOf } from "../messages/conversation-view";
import { accountOf } from "../notifications/account-of";

/**
 * In the withdrawal's transaction (repository update, whichever door: the pages' « Retirer » or a
 * FHIR PUT): a withdrawn message is no longer news. Its recipients' « Nouveau message » said they
 * had a message, and counted it, when the conversation showed only « message retiré »: the notice
 * that counted it now counts one less, and is read when it stood for that message alone, so the
 * header's count drops. Read rather than removed: the notice list keeps what happened (a message
 * came, and its e-mail went, which cannot be recalled), as a read notice, like any other.
 *
 * The recipients are those create-message.ts told: the professional's account for the patient's
 * side's message; the patient's space and each caregiver's own notice for the professional's.
 *
 * Under the conversation's lock (conversation-news-lock.ts), taken after the write and its audit
 * row as a new message takes it after its own, so the two never wait for each other crosswise. A
 * message arriving at the same time either came first (it refreshed the notice: one less leaves it
 * unread) or comes after (it finds the withdrawn message no longer waiting, and writes a notice of
 * its own): it is never lost.
 */
export async function untellWithdrawnMessage(db: Queryable, stored: Resource, next: Resource): Promise<void> {
  if (stored.resourceType !== "Communication" || next.resourceType !== "Communication") return;
  if (stored.status === "entered-in-error" || next.status !== "entered-in-error") return;
  const patientId = next.subject?.reference?.replace(/^Patient\//, "");
  const practitionerId = practitionerOf(next);
  if (!patientId || !practitionerId || !next.id) return;
  const conversationId = conversationIdOf(next);
  // Outside a conversation, each message had its own notice, never refreshed (create-message.ts).
  if (!conversationId) {
    await db.query("UPDATE notification SET read_at = now() WHERE dedupe_key = $1 AND read_at IS NULL", [`message-received:${next.id}`]);
    return;
  }
  await lockConversationNews(db, patientId, conversationId);
  const fromPractitioner = next.sender?.reference?.startsWith("Practitioner/") === true;
  const accountId = fromPractitioner ? null : await accountOf(db, `Practitioner/${practitionerId}`);
  if (!fromPractitioner && !accountId) return;
  const link = `${fromPractitioner ? "/espace/messages" : "/pro/messages"}/${conversationId}`;
  await db.query(ONE_LESS_NEWS, [link, fromPractitioner ? patientId : null, accountId, patientId, conversationId, sentOf(next)]);
}

const sentOf = (message: Communication): string | null => message.sent ?? null;

/**
 * Each recipient's newest unread notice of the conversation ($1: its link) is the one the message
 * refreshed or wrote: a notice the recipient has read is never refreshed again, and any notice
 * written after it is for a later message. So that newest notice counted the withdrawn message
 * unless it was written for a later one: its dedupe key names the message that wrote it
 * (message-received:<id>[:<caregiver's account>]), which must have been sent no later than the
 * withdrawn one ($6). Recipients: the patient's space ($2) and its caregivers' notices about it,
 * or the professional's account ($3). The message's conversation ($5) in the patient's record ($4)
 * is read by its index (resource_patient_group_idx); the notices by the unread ones' link index.
 */
const ONE_LESS_NEWS = `WITH newest AS (
    SELECT DISTINCT ON (n.account_id, n.kind) n.id, split_part(n.dedupe_key, ':', 2) AS written_for
      FROM notification n
     WHERE n.link = $1 AND n.read_at IS NULL AND n.created_at > now() - interval '1 year'
       AND ((n.patient_id = $2::uuid AND n.account_id IS NULL AND n.space_id IS NULL AND n.kind = 'message-received')
         OR (n.space_id = $2::uuid AND n.account_id IS NOT NULL AND n.patient_id IS NULL AND n.kind = 'message-answered-for-caregiver')
         OR (n.account_id = $3::uuid AND n.patient_id IS NULL AND n.space_id IS NULL AND n.kind = 'message-received'))
     ORDER BY n.account_id, n.kind, n.created_at DESC
  )
  UPDATE notification n
     SET news_count = greatest(n.news_count - 1, 1),
         read_at = CASE WHEN n.news_count > 1 THEN NULL ELSE now() END
    FROM newest
   WHERE n.id = newest.id AND n.read_at IS NULL
     AND EXISTS (SELECT 1 FROM fhir_resource m
                  WHERE m.patient_id = $4::uuid AND m.group_id = $5 AND m.resource_type = 'Communication'
                    AND m.id::text = newest.written_for AND m.date <= $6::timestamptz)
  RETURNING n.id`;
