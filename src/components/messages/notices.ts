import type { AlertTone } from "@/components/alert";
import { t, type MessageKey } from "@/lib/i18n/messages";

/** The codes the messaging forms come back with (message-post.ts), and how each is shown. */
const NOTICES = {
  envoye: "success",
  retire: "success",
  retire_document: "success",
  texte: "error",
  sujet: "error",
  destinataire: "error",
  document: "error",
  fichier: "error",
  fichier_droit: "error",
  retrait_tardif: "error",
  interdit: "error",
  occupe: "error",
  trop: "error",
  echec: "error",
} as const satisfies Record<string, AlertTone>;

export function messagingNotice(code: unknown): { tone: AlertTone; key: MessageKey } | undefined {
  const value = Array.isArray(code) ? code[0] : code;
  if (typeof value !== "string" || !Object.prototype.hasOwnProperty.call(NOTICES, value)) return undefined;
  const known = value as keyof typeof NOTICES;
  return { tone: NOTICES[known], key: `messaging.notices.${known}` };
}

/** The refusals about one field of the form (its text, its subject, its file): that field says them too, marked invalid, and takes the focus. */
export type MessageFieldErrors = { texte?: string; sujet?: string; fichier?: string };

/**
 * Why: « Le message doit contenir entre 1 et 5 000 caractères de texte » came back at the top of
 * the page only, the message field neither marked invalid nor described by it (found in the
 * browser). The same for a file refused (of a wrong type, over 20 MB): the box at the top said
 * it, the file field, the one to change, neither marked nor described.
 */
export function messageFieldErrors(code: unknown): MessageFieldErrors {
  const value = Array.isArray(code) ? code[0] : code;
  if (value === "texte") return { texte: t("messaging.notices.texte") };
  if (value === "sujet") return { sujet: t("messaging.notices.sujet") };
  if (value === "fichier") return { fichier: t("messaging.notices.fichier") };
  return {};
}

/** Whether a field says the refusal and takes the focus: then the box at the top does not take it too. */
export function fieldTakesFocus(errors: MessageFieldErrors): boolean {
  return Boolean(errors.texte ?? errors.sujet ?? errors.fichier);
}
