import "server-only";
import { aMessage, newConversationId } from "@/lib/fhir/builders/messages";
import { parisDayOf } from "@/lib/dates/paris-day";
import { spaceOf } from "../access/actor";
import { uploadDocument } from "../documents/upload-document";
import { UploadRefused } from "../documents/upload-policy";
import { FhirError, notFound } from "../fhir/errors";
import { isUuid, type Repository } from "../fhir/repository";
import { conversationIdOf, practitionerOf } from "./conversation-view";
import { createMessage } from "./create-message";
import { messageRecipients } from "./message-recipients";
import { MessageRefused } from "./message-refused";
import { conversationMessages } from "./read-conversation";

export type SendInput = {
  /** A reply: the conversation it belongs to. */
  conversationId?: string;
  /** A new conversation started by the patient's side: the professional written to. */
  practitionerId?: string;
  /** A new conversation started by a professional: the patient written to. */
  patientId?: string;
  subject?: string;
  /** Already checked by the form's schema (plain text, bounded); the repository checks again. */
  text: string;
  /** A document of the record, attached by reference. */
  documentId?: string;
  /** A new file, added to the record through the documents' upload (same checks) and attached. */
  upload?: { bytes: Buffer; fileName: string };
};

/**
 * Sends a message: a new conversation or a reply, from the patient's side to a professional the
 * patient lets in, or from that professional to the patient. The message and the recipient's
 * notification commit together (createMessage). The repository refuses a
 * recipient or an attachment the rules do not allow (message-delivery.ts): nothing is sent then.
 */
export async function sendMessage(repo: Repository, input: SendInput): Promise<{ conversationId: string; messageId: string }> {
  const actor = repo.actor;
  const isPro = actor.kind === "practitioner";
  let patientId = spaceOf(actor) ?? input.patientId;
  let practitionerId = isPro ? actor.practitionerId : input.practitionerId;
  let subject = input.subject;
  let conversationId = input.conversationId;
  if (conversationId) {
    const existing = await conversationMessages(repo, conversationId);
    patientId = existing.patientId;
    practitionerId = practitionerOf(existing.messages[0]!);
    subject = undefined; // the conversation's subject is its first message's
  } else {
    if (!patientId || !isUuid(patientId)) throw notFound();
    if (!isPro) {
      const offered = await messageRecipients(repo, patientId);
      if (!practitionerId || !offered.some((card) => card.id === practitionerId)) throw new MessageRefused("destinataire");
    }
    conversationId = newConversationId();
  }
  if (!patientId || !practitionerId) throw notFound();

  const documentIds = input.documentId ? [input.documentId] : [];
  if (input.upload) documentIds.push(await attachUpload(repo, patientId, input.upload, conversationId));

  const message = aMessage({
    patientId,
    conversationId,
    recipient: isPro ? `Patient/${patientId}` : `Practitioner/${practitionerId}`,
    text: input.text,
    subject,
    documentIds,
  });
  try {
    const stored = await createMessage(repo, message);
    return { conversationId: conversationIdOf(stored) ?? conversationId, messageId: stored.id ?? "" };
  } catch (error) {
    // The repository's refusals of a recipient or an attachment, in the person's words.
    if (error instanceof FhirError && error.status === 422) {
      const field = error.issues[0]?.expression?.[0] ?? "";
      throw new MessageRefused(field.endsWith("payload") ? (documentIds.length > 0 ? "document" : "texte") : "destinataire", input.conversationId);
    }
    throw error;
  }
}

async function attachUpload(repo: Repository, patientId: string, upload: NonNullable<SendInput["upload"]>, conversationId: string): Promise<string> {
  try {
    const document = await uploadDocument(repo, {
      patientId,
      title: "",
      kind: repo.actor.kind === "practitioner" ? "consultation" : "personal",
      date: parisDayOf(repo.now()),
      fileName: upload.fileName,
      bytes: upload.bytes,
    });
    return document.id ?? "";
  } catch (error) {
    if (error instanceof UploadRefused) throw new MessageRefused("fichier", conversationId);
    throw error;
  }
}
