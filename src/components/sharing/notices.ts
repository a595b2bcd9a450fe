import type { MessageKey } from "@/lib/i18n/messages";
import type { AlertTone } from "@/components/alert";

/** The message codes the sharing forms come back with (sharing-post.ts), and how each is shown. */
const NOTICES = {
  autorise: "success",
  modifie: "success",
  retire: "success",
  bloque: "success",
  debloque: "success",
  urgence: "success",
  niveau: "success",
  recherche: "success",
  affiche: "success",
  signale: "success",
  bloque_d_abord: "error",
  date: "error",
  interdit: "error",
  conflit: "error",
  echec: "error",
} as const satisfies Record<string, AlertTone>;

export function sharingNotice(code: unknown): { tone: AlertTone; key: MessageKey } | undefined {
  if (typeof code !== "string" || !Object.prototype.hasOwnProperty.call(NOTICES, code)) return undefined;
  const known = code as keyof typeof NOTICES;
  return { tone: NOTICES[known], key: `sharing.notices.${known}` };
}
