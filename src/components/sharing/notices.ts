import { t } from "@/lib/i18n/messages";
import { tv, type Reader } from "@/lib/i18n/voice";
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

/** The notices that speak of the record, said in the reader's voice (voice.ts); the others are the same to everyone. */
const VOICED = ["bloque", "urgence", "recherche", "signale"] as const;

function isVoiced(code: keyof typeof NOTICES): code is (typeof VOICED)[number] {
  return (VOICED as readonly string[]).includes(code);
}

export function sharingNotice(code: unknown, reader: Reader): { tone: AlertTone; text: string } | undefined {
  if (typeof code !== "string" || !Object.prototype.hasOwnProperty.call(NOTICES, code)) return undefined;
  const known = code as keyof typeof NOTICES;
  return { tone: NOTICES[known], text: isVoiced(known) ? tv(`sharing.notices.${known}`, reader) : t(`sharing.notices.${known}`) };
}
