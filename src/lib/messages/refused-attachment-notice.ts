import { t } from "@/lib/i18n/messages";
import { isAttachmentBar } from "./attachment-bars";

type Option = { value: string; label: string };

const one = (value: unknown): string | undefined => (Array.isArray(value) ? value[0] : typeof value === "string" ? value : undefined);

/**
 * The sentence for a document refused as an attachment of a new message (message-post.ts sends
 * back its id, its professional's and why): « Rien n'a été envoyé : le document « Compte rendu
 * psychiatrique (12 mars 2025) » ne peut pas être joint, car il est en accès restreint, et Dr
 * Marc Petit n'a pas accès… ». Named only from what the page itself lists for this writer (the
 * documents she may attach, the professionals she may write to): an id in the address that is
 * not among them names nothing, and the page says the general sentence instead (undefined here).
 */
export function refusedAttachmentNotice(query: Record<string, unknown>, documents: readonly Option[], recipients: readonly Option[]): string | undefined {
  if (one(query.message) !== "document") return undefined;
  const bar = one(query.raison);
  const document = documents.find((option) => option.value === one(query.document));
  if (!isAttachmentBar(bar) || !document) return undefined;
  // The professional's label carries their specialty in brackets: the sentence names the person.
  const recipient = recipients.find((option) => option.value === one(query.a))?.label.replace(/ \([^)]*\)$/, "") ?? t("messaging.someProfessional");
  return t("messaging.documentRefused", { document: document.label, why: t(`messaging.attachmentBars.${bar}`, { recipient }) });
}
