import { t } from "@/lib/i18n/messages";
import type { MessageWriter } from "./message-form";

/**
 * The way out of « no one can receive your messages »: the sharing page, where the patient lets a
 * professional in (again). In her own space, and to whoever may make that choice for her (a
 * parent, a caregiver with the right to manage her sharing); never to a caregiver without it.
 */
export function SharingLink({ writer, managesSharing }: { writer: MessageWriter; managesSharing?: boolean }) {
  // `managesSharing`: whether the reader may authorise a professional in this space (a guardian, a
  // caregiver with that right); without it, the patient alone is sent there.
  if (writer === "professional" || !(managesSharing ?? writer.voice === "yours")) return null;
  return (
    <p>
      <a href="/espace/partage">{t("messaging.sharingLink")}</a>
    </p>
  );
}
