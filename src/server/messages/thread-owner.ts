import "@/server/server-only";
import type { PatientMessages } from "../fhir/practitioner-messages";
import { conversationIdOf } from "./conversation-view";

/**
 * A professional's messages (by patient) with each conversation kept to the record that started
 * it. New messages cannot join a thread from another record (conversation-owner.ts), but one
 * stored before that check could have; the oldest message decides, whatever came later, so that
 * the inbox (list-conversations.ts) and the conversation page (read-conversation.ts) read a
 * mixed thread alike: the inbox counted the newcomer's message as the last one, and as unread
 * although the page never showed it. Groups left without a message are dropped.
 */
export function ownedThreads(groups: PatientMessages[]): PatientMessages[] {
  const owners = new Map<string, { patientId: string; sent: string }>();
  for (const group of groups) {
    for (const message of group.messages) {
      const id = conversationIdOf(message);
      const sent = message.sent ?? "";
      const owner = id ? owners.get(id) : undefined;
      if (id && (!owner || sent < owner.sent)) owners.set(id, { patientId: group.patientId, sent });
    }
  }
  const kept = groups.map(({ patientId, messages }) => ({
    patientId,
    messages: messages.filter((message) => {
      const id = conversationIdOf(message);
      return !id || owners.get(id)?.patientId === patientId;
    }),
  }));
  return kept.filter((group) => group.messages.length > 0);
}
