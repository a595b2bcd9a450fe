import "@/server/server-only";
import type { SelectOption } from "@/components/documents/select-field";
import type { GrammaticalSex } from "@/lib/fhir/grammatical-sex";
import { spaceOf } from "../access/actor";
import { patientIdentity } from "../documents/patient-identity";
import type { RequestScope } from "../documents/request-scope";
import { conversationReader } from "../fhir/message-delivery";
import { reachesPart } from "../delegations/space-parts";
import { isUuid } from "../fhir/ids";
import { orUndefined } from "../pages/or-undefined";
import { attachableDocuments, attachmentTitles, mayWriteMessages } from "./message-page-data";
import { markConversationNoticesRead } from "../notifications/mark-read";
import { mayStillWriteTo } from "./message-recipients";
import { readConversation, type Conversation } from "./read-conversation";

export type ConversationPageData = {
  conversation: Conversation;
  /** The other side's name: the professional for the patient's side, the patient for the professional. */
  withName: string;
  /** The attached documents' titles this reader may see, by id (the others say « indisponible »). */
  titles: Record<string, string>;
  canWrite: boolean;
  /** How French agrees with the other side when it speaks of them (« elle n'a pas accès »): the professional's recorded gender; unknown otherwise. */
  withSex: GrammaticalSex;
  /** The patient's side only: the professional is blocked or their access ended since, so no reply is offered. */
  recipientGone: boolean;
  /** What the reply may attach: the documents of the record this reader sees and the conversation's professional may see. */
  documents: SelectOption[];
  /** A new file may be joined to the reply: a file joined is added to the documents, which a caregiver may not be allowed to do. */
  fileAllowed: boolean;
};

/**
 * One conversation for its page: its messages (reading it writes the read receipts), what its
 * attachments are called, and the reply form's choices. Undefined, the page's 404, for a
 * conversation the reader takes no part in, or whose patient shut the professional out.
 */
export async function conversationPageData(scope: RequestScope, conversationId: string): Promise<ConversationPageData | undefined> {
  const { repo, actor } = scope;
  const pro = actor.kind === "practitioner";
  const ownSpace = spaceOf(actor);
  if (!pro && (!ownSpace || actor.kind === "link")) return undefined;
  const conversation = await orUndefined(readConversation(repo, conversationId));
  if (!conversation) return undefined;
  const patientId = conversation.patientId;
  const attached = conversation.messages.flatMap((m) => m.documentIds);
  // The professional writes under the authorisation that let them read; the patient's side as the rules say.
  const mayWrite = pro ? true : await mayWriteMessages(repo, patientId);
  const recipientGone = !pro && mayWrite && conversation.practitionerId !== undefined && !(await mayStillWriteTo(repo, patientId, conversation.practitionerId));
  const canWrite = mayWrite && !recipientGone;
  const practitionerId = conversation.practitionerId && isUuid(conversation.practitionerId) ? conversation.practitionerId : undefined;
  const reader = canWrite ? conversationReader(actor, practitionerId, await repo.rulesForDecision(patientId), repo.now()) : undefined;
  const [titles, , documents, withCard, fileAllowed] = await Promise.all([
    attachmentTitles(repo, patientId, attached),
    // Opened is read: its « Nouveau message » notices too (mark-read.ts).
    markConversationNoticesRead(scope, `${pro ? "/pro" : "/espace"}/messages/${conversation.id}`),
    canWrite ? attachableDocuments(repo, patientId, reader) : [],
    pro
      ? patientIdentity(repo, patientId).then((identity) => ({ name: identity?.name ?? "Patient", sex: undefined }))
      : conversation.practitionerId
        ? repo.describeProfessionals([conversation.practitionerId]).then((cards) => cards.get(conversation.practitionerId!))
        : undefined,
    canWrite && reachesPart(repo, "upload"),
  ]);
  const withName = withCard?.name ?? "Professionnel de santé";
  return { conversation, withName, withSex: withCard?.sex ?? "unknown", titles: Object.fromEntries(titles), canWrite, recipientGone, documents, fileAllowed };
}
