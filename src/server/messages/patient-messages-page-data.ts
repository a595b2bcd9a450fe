import "@/server/server-only";
import type { SelectOption } from "@/components/documents/select-field";
import { spaceOf } from "../access/actor";
import type { RequestScope } from "../documents/request-scope";
import type { ConversationSummary } from "./conversation-view";
import { reachesPart } from "../delegations/space-parts";
import { listConversations } from "./list-conversations";
import { attachableDocuments, mayWriteMessages } from "./message-page-data";
import { messageRecipients } from "./message-recipients";

export type PatientMessagesPageData = {
  conversations: ConversationSummary[];
  /** Each conversation's professional, by conversation id. */
  names: Record<string, string>;
  canWrite: boolean;
  recipients: SelectOption[];
  documents: SelectOption[];
  /** A new file may be joined: a file joined is added to the documents, which a caregiver may not be allowed to do. */
  fileAllowed: boolean;
};

/**
 * The messaging of the space the person acts in (their own, a dependant's, a delegating
 * patient's): the conversations with the names of their professionals, and, when the actor may
 * write, the professionals the patient lets in now and the documents that may be attached.
 * Undefined for an actor with no patient space (the page answers 404).
 */
export async function patientMessagesPageData({ repo, actor }: RequestScope): Promise<PatientMessagesPageData | undefined> {
  const patientId = spaceOf(actor);
  if (!patientId || actor.kind === "link") return undefined;
  // Who may be written to and what may be attached need only the decision, taken on the rules in
  // hand: they are read beside the conversations, not after them (issue 16: the page waited for
  // the conversations before reading either). Only the conversations' professionals wait for them.
  const canWrite = await mayWriteMessages(repo, patientId);
  const [conversations, recipients, documents, fileAllowed] = await Promise.all([
    listConversations(repo),
    canWrite ? messageRecipients(repo, patientId) : [],
    canWrite ? attachableDocuments(repo, patientId) : [],
    canWrite && reachesPart(repo, "upload"),
  ]);
  const professionals = await repo.describeProfessionals(conversations.flatMap((c) => (c.practitionerId ? [c.practitionerId] : [])));
  const names = Object.fromEntries(
    conversations.map((c) => [c.id, c.practitionerId ? (professionals.get(c.practitionerId)?.name ?? "Professionnel de santé") : "Espace santé"]),
  );
  return {
    conversations,
    names,
    canWrite,
    recipients: recipients.map((card) => ({ value: card.id, label: card.specialty ? `${card.name} (${card.specialty})` : card.name })),
    documents,
    fileAllowed,
  };
}
