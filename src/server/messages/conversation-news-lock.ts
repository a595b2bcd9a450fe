import "@/server/server-only";
import type { Queryable } from "../db/queryable";

/**
 * Holds, until the transaction ends, the right to tell a conversation's recipients of a new
 * message: whether one already waits unread (unread-message-waiting.ts), then the notice written
 * or refreshed and the e-mail (notify.ts). Two messages of one conversation committed at the same
 * instant each saw, in its own transaction, no other message waiting, and each wrote a « Nouveau
 * message » and sent an e-mail. Under this lock the second waits for the first to commit, and then
 * (READ COMMITTED: each statement sees what committed before it) finds its message and its notice,
 * which it refreshes, e-mailing nobody.
 *
 * The patient's audit chain head, locked by the message's own audit row, orders them today as
 * well; that is a property of the audit's storage, not a promise of it, and this one is.
 * An advisory lock, as line-position.ts takes, works the same on PGlite.
 */
export async function lockConversationNews(db: Queryable, patientId: string, conversationId: string): Promise<void> {
  await db.query("SELECT pg_advisory_xact_lock(hashtextextended($1, 0)) IS NULL AS locked", [`conversation-news:${patientId}:${conversationId}`]);
}
