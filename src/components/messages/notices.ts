import type { AlertTone } from "@/components/alert";
import type { MessageKey } from "@/lib/i18n/messages";

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
  echec: "error",
} as const satisfies Record<string, AlertTone>;

export function messagingNotice(code: unknown): { tone: AlertTone; key: MessageKey } | undefined {
  const value = Array.isArray(code) ? code[0] : code;
  if (typeof value !== "string" || !Object.prototype.hasOwnProperty.call(NOTICES, value)) return undefined;
  const known = value as keyof typeof NOTICES;
  return { tone: NOTICES[known], key: `messaging.notices.${known}` };
}
