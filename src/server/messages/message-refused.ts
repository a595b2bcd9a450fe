import type { AttachmentBar } from "@/lib/messages/attachment-bars";

/** The codes a messaging form comes back with (the pages turn them into sentences). */
export type MessageNotice =
  | "envoye"
  | "retire"
  | "retire_document"
  | "texte"
  | "sujet"
  | "destinataire"
  | "document"
  | "fichier"
  | "fichier_droit"
  | "retrait_tardif"
  | "interdit"
  | "occupe"
  | "trop"
  | "echec";

/**
 * A document of the record refused as an attachment: which one, and why the other side may not
 * see it (message-delivery.ts), for the page to say so in words, naming it.
 */
export type RefusedAttachment = { documentId: string; bar: AttachmentBar };

/** A message not sent (or not withdrawn), for a reason the person is told in plain words. */
export class MessageRefused extends Error {
  constructor(
    readonly notice: MessageNotice,
    readonly conversationId?: string,
    readonly attachment?: RefusedAttachment,
  ) {
    super(notice);
  }
}
