import { formatDateTime } from "@/lib/documents/format";
import { letter } from "../mail/letter";
import type { OutgoingEmail } from "../mail/outgoing-email";

/**
 * The e-mail that hands a young person their space: fixed sentences, the activation code and
 * the address, never a name, the guardian's or theirs, nor anything of the record.
 */
export const HANDOVER_SUBJECT = "Votre espace santé : activez votre compte";

export function handoverActivationEmail(to: string, code: string, expiresAt: Date, appUrl: string, patientId: string): OutgoingEmail {
  const base = appUrl.replace(/\/+$/, "");
  const until = formatDateTime(expiresAt);
  const text = letter([
    "Vous aurez bientôt 18 ans. Ce jour-là, vous gérerez seul votre espace santé : vos représentants légaux n'y auront plus accès.",
    "Activez dès maintenant votre compte pour le retrouver.",
    "",
    `Votre code d'activation : ${code}`,
    `À saisir sur : ${base}/activer`,
    `Valable jusqu'au ${until}. Passé ce délai, demandez une lettre d'activation.`,
  ]);
  return { to, subject: HANDOVER_SUBJECT, text, kind: "majority-activation", dedupeKey: `majority-activation:${patientId}` };
}
