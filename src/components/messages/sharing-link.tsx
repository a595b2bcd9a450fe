import { t } from "@/lib/i18n/messages";
import type { MessageWriter } from "./message-form";

/**
 * The way out of « no one can receive your messages »: the sharing page, where the patient lets a
 * professional in (again). Only in her own space: a caregiver or a parent reads the person's words
 * (voice.ts), and the choice is not theirs to be sent to.
 */
export function SharingLink({ writer }: { writer: MessageWriter }) {
  if (writer === "professional" || writer.voice !== "yours") return null;
  return (
    <p>
      <a href="/espace/partage">{t("messaging.sharingLink")}</a>
    </p>
  );
}
