import "@/server/server-only";
import type { Communication } from "@medplum/fhirtypes";
import { spaceOf } from "../access/actor";
import { notFound } from "../fhir/errors";
import { isUuid, type Repository } from "../fhir/repository";
import { practitionerOf, toMessageView, unreadBy, type MessageView } from "./conversation-view";

export type Conversation = { id: string; patientId: string; practitionerId?: string; subject?: string; messages: MessageView[] };

/**
 * The stored messages of one conversation the actor may read (its latest hundred), oldest first;
 * none answers 404.
 */
export async function conversationMessages(repo: Repository, conversationId: string): Promise<{ patientId: string; messages: Communication[] }> {
  if (!isUuid(conversationId)) throw notFound();
  let found: { patientId: string; messages: Communication[] } | undefined;
  if (repo.actor.kind === "practitioner") {
    found = startedFirst(await repo.practitionerMessages(conversationId));
  } else {
    const patientId = spaceOf(repo.actor);
    const page = patientId ? await repo.search<Communication>("Communication", { patientId, group: [conversationId], count: 100, sort: "-date" }) : undefined;
    if (patientId && page && page.resources.length > 0) found = { patientId, messages: page.resources };
  }
  if (!found || found.messages.length === 0) throw notFound();
  const messages = [...found.messages].sort((a, b) => (a.sent ?? "").localeCompare(b.sent ?? ""));
  return { patientId: found.patientId, messages };
}

/**
 * A conversation is the record's that started it. New messages cannot join a thread from another
 * record (conversation-owner.ts), but one stored before that check could have: the professional
 * then took the thread for the newcomer's and answered into that record. The oldest message
 * decides, whatever came later.
 */
function startedFirst(groups: { patientId: string; messages: Communication[] }[]): { patientId: string; messages: Communication[] } | undefined {
  const firstSent = (group: { messages: Communication[] }) => group.messages.reduce((oldest, message) => ((message.sent ?? "") < oldest ? (message.sent ?? "") : oldest), "\uffff");
  return [...groups].sort((a, b) => firstSent(a).localeCompare(firstSent(b)))[0];
}

/**
 * A conversation as its page shows it. Opening it is reading it: the messages from the other
 * side get their read receipt ("lu le …" on the sender's side), written through the repository
 * (audited, and only by whoever may write in the conversation: a caregiver without the right
 * to write reads without marking anything).
 */
export async function readConversation(repo: Repository, conversationId: string): Promise<Conversation> {
  const { patientId, messages } = await conversationMessages(repo, conversationId);
  const practitionerId = practitionerOf(messages[0]!);
  const now = repo.now();
  const viewerIsPractitioner = repo.actor.kind === "practitioner";
  const facts = { resourceType: "Communication", patientId, confidentiality: "N" as const, labels: [], participant: practitionerId ? `Practitioner/${practitionerId}` : undefined };
  const mayMark = (await repo.decideOn("update", facts)).allow;
  const shown: Communication[] = [];
  for (const message of messages) {
    const unread = unreadBy(toMessageView(message, repo.actor, now), viewerIsPractitioner);
    shown.push(mayMark && unread ? await repo.update<Communication>({ ...message, received: now.toISOString() }) : message);
  }
  const views = shown.map((message) => toMessageView(message, repo.actor, now));
  return { id: conversationId, patientId, practitionerId, subject: views.find((view) => view.subject)?.subject, messages: views };
}
