import "@/server/server-only";
import { aMessage, newConversationId } from "@/lib/fhir/builders/messages";
import { parisDayOf } from "@/lib/dates/paris-day";
import { spaceOf } from "../access/actor";
import { prepareUpload, storeStagedUpload, type PreparedUpload } from "../documents/upload-document";
import { UploadRefused } from "../documents/upload-policy";
import { FhirError, notFound } from "../fhir/errors";
import { isUuid, type Repository } from "../fhir/repository";
import { conversationIdOf, practitionerOf } from "./conversation-view";
import { createMessageIn } from "./create-message";
import { messageRecipients } from "./message-recipients";
import { isAttachmentBar } from "@/lib/messages/attachment-bars";
import { ATTACHMENT_BAR_SYSTEM } from "../fhir/message-delivery";
import { MessageRefused, type RefusedAttachment } from "./message-refused";
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
 * patient lets in, or from that professional to the patient. The message, a new file attached
 * with it and the recipient's notification commit together (createMessageIn). The repository refuses a
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
  // A new file is checked before anything is written, then stored in the message's transaction:
  // a message refused (its recipient, an attachment, its text) leaves no document nor bytes behind.
  const upload = input.upload ? await prepareAttachedUpload(repo, patientId, input.upload, input.conversationId) : undefined;
  const message = { patientId, conversationId, recipient: isPro ? `Patient/${patientId}` : `Practitioner/${practitionerId}`, text: input.text, subject };
  // Its bytes are staged before the transaction (file-store.ts says why), and discarded if the message is not sent.
  const staged = upload ? await stageAttachedFile(repo, patientId, upload, input.conversationId) : undefined;
  let storingFile = false;
  try {
    const stored = await repo.transaction(async (scope) => {
      if (upload && staged) {
        storingFile = true;
        documentIds.push((await storeStagedUpload(scope, upload, staged)).id ?? "");
        storingFile = false;
      }
      return createMessageIn(scope, aMessage({ ...message, documentIds }));
    });
    return { conversationId: conversationIdOf(stored) ?? conversationId, messageId: stored.id ?? "" };
  } catch (error) {
    if (staged) await repo.discardStagedFile(staged);
    // The file the actor may not add to the record (a caregiver without the documents right).
    if (storingFile && error instanceof FhirError && (error.status === 403 || error.status === 404)) throw new MessageRefused("fichier_droit", input.conversationId);
    // The repository's refusals of a recipient or an attachment, in the person's words.
    if (error instanceof FhirError && error.status === 422) {
      const field = error.issues[0]?.expression?.[0] ?? "";
      const attachment = refusedAttachment(error);
      const notice = field.endsWith("topic") ? "sujet" : field.endsWith("payload") ? (documentIds.length > 0 ? "document" : "texte") : "destinataire";
      throw new MessageRefused(notice, input.conversationId, attachment);
    }
    throw error;
  }
}

/** The document the repository refused to send, and why (message-delivery.ts's refusal names both). */
function refusedAttachment(error: FhirError): RefusedAttachment | undefined {
  const details = error.issues[0]?.details;
  const bar = details?.coding?.find((coding) => coding.system === ATTACHMENT_BAR_SYSTEM)?.code;
  const documentId = /^DocumentReference\/([0-9a-f-]{36})$/i.exec(details?.text ?? "")?.[1];
  if (!documentId || !isAttachmentBar(bar)) return undefined;
  return { documentId: documentId.toLowerCase(), bar };
}

/**
 * The file the actor may not add to the record (a caregiver without the right to add documents) is
 * refused as "fichier_droit", as the transaction would: it was told « il faut un PDF… de 20 Mo au
 * plus », about a PDF of 1 MB (found by the forms' walk).
 */
async function stageAttachedFile(repo: Repository, patientId: string, upload: PreparedUpload, conversationId: string | undefined) {
  try {
    return await repo.stageFile(patientId, upload.file);
  } catch (error) {
    if (error instanceof FhirError && (error.status === 403 || error.status === 404)) throw new MessageRefused("fichier_droit", conversationId);
    throw error;
  }
}

async function prepareAttachedUpload(repo: Repository, patientId: string, upload: NonNullable<SendInput["upload"]>, conversationId: string | undefined): Promise<PreparedUpload> {
  try {
    return await prepareUpload(repo, {
      patientId,
      title: "",
      kind: repo.actor.kind === "practitioner" ? "consultation" : "personal",
      date: parisDayOf(repo.now()),
      fileName: upload.fileName,
      bytes: upload.bytes,
    });
  } catch (error) {
    if (error instanceof UploadRefused) throw new MessageRefused("fichier", conversationId);
    throw error;
  }
}
