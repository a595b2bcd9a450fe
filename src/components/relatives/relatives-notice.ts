import type { AlertTone } from "@/components/alert";
import { RELATIVES_NOTICES, type RelativesNotice } from "@/lib/delegations/relatives-notices";
import { t } from "@/lib/i18n/messages";
import { tv, type Reader } from "@/lib/i18n/voice";

/** The notice a form came back with; the one that speaks of the person whose space it is, in the reader's voice (voice.ts). */
export function relativesNotice(code: unknown, reader: Reader): { tone: AlertTone; text: string } | undefined {
  if (typeof code !== "string" || !Object.prototype.hasOwnProperty.call(RELATIVES_NOTICES, code)) return undefined;
  const known = code as RelativesNotice;
  return { tone: RELATIVES_NOTICES[known], text: known === "en-pause" ? tv("relatives.widenedNotice", reader) : t(`relativesPage.notices.${known}`) };
}
