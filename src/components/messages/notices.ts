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

/** The refusals about one field of the form (its text, its subject): that field says them too, marked invalid. */
export type MessageFieldErrors = { texte?: string; sujet?: string };

/**
 * Why: « Le message doit contenir entre 1 et 5 000 caractères de texte » came back at the top of
 * the page only, the message field neither marked invalid nor described by it (found in the browser).
 */
export function messageFieldErrors(code: unknown): MessageFieldErrors {
  const value = Array.isArray(code) ? code[0] : code;
  if (value === "texte") return { texte: t("messaging.notices.texte") };
  if (value === "sujet") return { sujet: t("messaging.notices.sujet") };
  return {};
}
