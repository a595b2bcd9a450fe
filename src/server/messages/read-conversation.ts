import "@/server/server-only";
import type { Communication } from "@medplum/fhirtypes";
import { spaceOf } from "../access/actor";
import { notFound } from "../fhir/errors";
import { isUuid, type Repository } from "../fhir/repository";
import { practitionerOf, titleOf, toMessageView, unreadBy, type MessageView } from "./conversation-view";
import { ownedThreads } from "./thread-owner";

export type Conversation = { id: string; patientId: string; practitionerId?: string; subject?: string; title: string; messages: MessageView[] };

/**
 * The stored messages of one conversation the actor may read (its latest hundred), oldest first;
 * none answers 404.
 */
export async function conversationMessages(repo: Repository, conversationId: string): Promise<{ patientId: string; messages: Communication[] }> {
  if (!isUuid(conversationId)) throw notFound();
  let found: { patientId: string; messages: Communication[] } | undefined;
  if (repo.actor.kind === "practitioner") {
    // A thread mixed before the conversation check is its first message's record's (thread-owner.ts).
    found = ownedThreads(await repo.practitionerMessages({ conversationId }))[0];
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
  const subject = views.find((view) => view.subject)?.subject;
  return { id: conversationId, patientId, practitionerId, subject, title: titleOf(subject, views), messages: views };
}
