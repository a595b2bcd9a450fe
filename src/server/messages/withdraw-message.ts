import "@/server/server-only";
import type { Communication } from "@medplum/fhirtypes";
import { mayStillWithdraw } from "@/lib/messages/message-rules";
import { senderRefOf } from "../access/message-changes";
import { notFound } from "../fhir/errors";
import { isUuid, type Repository } from "../fhir/repository";
import { conversationIdOf } from "./conversation-view";
import { MessageRefused } from "./message-refused";

/**
 * "Retirer" a message: only its sender, only within five minutes of sending it. It stays in the
 * conversation as "message retiré", its text, subject and attachment gone from the current version (the
 * repository checks the same rules, whatever the door: message-changes.ts). An attached
 * document stays in the record: `documentKept` says there was one. The recipients' « Nouveau
 * message » counts it no more, in the same transaction (withdrawn-message-news.ts, in the
 * repository's update, for the FHIR API's withdrawal too).
 */
export async function withdrawMessage(repo: Repository, messageId: string): Promise<{ conversationId: string; documentKept: boolean }> {
  if (!isUuid(messageId)) throw notFound();
  const message = await repo.read<Communication>("Communication", messageId);
  const conversationId = conversationIdOf(message) ?? "";
  if (message.status === "entered-in-error") return { conversationId, documentKept: false };
  if (message.sender?.reference !== senderRefOf(repo.actor)) throw new MessageRefused("interdit", conversationId);
  if (!mayStillWithdraw(message.sent, repo.now())) throw new MessageRefused("retrait_tardif", conversationId);
  // Its subject goes too: « Résultat sérologie VIH » said as much as the text (erased from every version: withdrawn-message.ts).
  const { payload, topic: _topic, ...kept } = message;
  await repo.update<Communication>({ ...kept, status: "entered-in-error" });
  // The attachment is a document of the record (a new file was added to it on sending): the
  // message no longer points at it, but the document stays, and the sender is told so.
  return { conversationId, documentKept: (payload ?? []).some((part) => part.contentReference !== undefined) };
}
