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
  | "retrait_tardif"
  | "interdit"
  | "occupe"
  | "echec";

/** A message not sent (or not withdrawn), for a reason the person is told in plain words. */
export class MessageRefused extends Error {
  constructor(
    readonly notice: MessageNotice,
    readonly conversationId?: string,
  ) {
    super(notice);
  }
}
