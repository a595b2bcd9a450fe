import "@/server/server-only";
import type { Communication } from "@medplum/fhirtypes";
import { now } from "../clock";
import { inPrisma, type Queryable } from "../db/queryable";
import { unsafeCaregiversWhoWrote } from "../fhir/caregivers-who-wrote";
import { unsafeUnreadMessageWaiting } from "../fhir/unread-message-waiting";
import type { Repository, TransactionScope } from "../fhir/repository";
import { accountOf } from "../notifications/account-of";
import { notify } from "../notifications/notify";
import { lockConversationNews } from "./conversation-news-lock";
import { conversationIdOf, practitionerOf } from "./conversation-view";

/**
 * Writes a message and tells its recipient, in one transaction: the message never exists
 * without its notification, nor twice notified. Used by the pages' use case and by the FHIR
 * API's create, so a message is notified whichever door it came through.
 */
export async function createMessage(repo: Repository, message: Communication): Promise<Communication> {
  return repo.transaction((scope) => createMessageIn(scope, message));
}

/** The same inside a transaction already open (a new file stored with its message: send-message.ts). */
export async function createMessageIn(scope: TransactionScope, message: Communication): Promise<Communication> {
  const created: Communication = await scope.create(message);
  await tellRecipient(inPrisma(scope.tx), created);
  return created;
}

/**
 * A professional's message is news for the patient's space, and for each caregiver who wrote in
 * that conversation for the patient and still acts for her (caregivers-who-wrote.ts): her own
 * notice, which opening takes her into the patient's space, where the conversation is. The
 * patient's side's message is news for the professional's account.
 *
 * A conversation sends one e-mail and has one notice until it is read: while an earlier message
 * from the same side waits unread there, the recipient was already told of it, and ten messages
 * would otherwise make ten e-mails and ten « Nouveau message » in her list and her count. Its
 * notice, still unread, is refreshed instead (notify.ts, `refreshUnread`: its time and its count);
 * once she has opened the conversation (its messages carry their read receipt), the next message
 * e-mails again and has a notice of its own, as it does once she has read the notice.
 */
async function tellRecipient(db: Queryable, message: Communication): Promise<void> {
  const conversationId = conversationIdOf(message);
  const patientId = message.subject?.reference?.replace(/^Patient\//, "");
  const practitionerId = practitionerOf(message);
  if (!patientId || !practitionerId) return;
  const dedupeKey = `message-received:${message.id}`;
  const path = conversationId ? `/${conversationId}` : "";
  const fromPractitioner = message.sender?.reference?.startsWith("Practitioner/") === true;
  // Messages of the conversation written at the same instant are told one after the other.
  if (conversationId) await lockConversationNews(db, patientId, conversationId);
  const alreadyEmailed = conversationId ? await unsafeUnreadMessageWaiting(db, { patientId, conversationId, fromPractitioner, exceptId: message.id! }) : false;
  const again = alreadyEmailed ? { email: "never" as const, refreshUnread: true } : {};
  if (fromPractitioner) {
    await notify(db, { patientId, kind: "message-received", link: `/espace/messages${path}`, dedupeKey, ...again });
    if (!conversationId) return;
    for (const accountId of await unsafeCaregiversWhoWrote(db, patientId, conversationId, now())) {
      await notify(db, { accountId, space: patientId, kind: "message-answered-for-caregiver", link: `/espace/messages${path}`, dedupeKey: `${dedupeKey}:${accountId}`, ...again });
    }
    return;
  }
  const accountId = await accountOf(db, `Practitioner/${practitionerId}`);
  if (accountId) await notify(db, { accountId, kind: "message-received", link: `/pro/messages${path}`, dedupeKey, ...again });
}
