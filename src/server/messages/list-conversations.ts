import "@/server/server-only";
import type { Communication } from "@medplum/fhirtypes";
import { spaceOf } from "../access/actor";
import type { Repository } from "../fhir/repository";
import { summarise, type ConversationSummary } from "./conversation-view";
import { ownedThreads } from "./thread-owner";

/** The most recent messages a list is built from (five pages of the search). */
const PAGES = 5;

/**
 * The conversations of the space the actor is in (the patient, a guardian, a caregiver), or of
 * every patient a professional talks with, most recent first, with their unread counts. Read
 * through the repository: decide() keeps a professional to their own conversations, the
 * search is audited in each patient's history.
 */
export async function listConversations(repo: Repository): Promise<ConversationSummary[]> {
  if (repo.actor.kind === "practitioner") {
    // A thread mixed before the conversation check is listed as its page shows it (thread-owner.ts).
    const perPatient = ownedThreads(await repo.practitionerMessages());
    return summarise(perPatient.flatMap((p) => p.messages), repo.actor, repo.now());
  }
  const patientId = spaceOf(repo.actor);
  if (!patientId) return [];
  const messages: Communication[] = [];
  for (let page = 0; page < PAGES; page++) {
    const found = await repo.search<Communication>("Communication", { patientId, count: 100, offset: page * 100, sort: "-date" });
    messages.push(...found.resources);
    if (!found.hasMore) break;
  }
  return summarise(messages, repo.actor, repo.now());
}

/**
 * How many messages a professional has yet to read, for their home: only the unread rows are
 * read (one statement), decided and audited per patient as the inbox's are, and counted as the
 * inbox counts them.
 */
export async function practitionerUnreadTotal(repo: Repository): Promise<number> {
  if (repo.actor.kind !== "practitioner") return 0;
  const perPatient = ownedThreads(await repo.practitionerMessages({ unreadOnly: true }));
  return unreadTotal(summarise(perPatient.flatMap((p) => p.messages), repo.actor, repo.now()));
}

/** How many messages the person has yet to read, for the header and the lists. */
export function unreadTotal(conversations: ConversationSummary[]): number {
  return conversations.reduce((sum, conversation) => sum + conversation.unread, 0);
}
