import { Alert } from "@/components/alert";
import { t } from "@/lib/i18n/messages";
import type { PreventionNotice } from "@/lib/prevention/forms";

/** Whether the sentence after a form was sent says it was recorded or that nothing was. */
const TONES: Record<PreventionNotice, "success" | "error"> = {
  fait: "success",
  ajoute: "success",
  rappels: "success",
  bilan: "success",
  "bilan-vide": "error",
  "bilan-invalide": "error",
  invalide: "error",
  "date-invalide": "error",
  "lot-invalide": "error",
  refuse: "error",
};

/** The sentence shown on a prevention page after one of its forms was sent (?message=…), if any. */
export function PreventionNoticeAlert({ notice }: { notice: PreventionNotice | null }) {
  return notice ? <Alert tone={TONES[notice]}>{t(`prevention.notices.${notice}`)}</Alert> : null;
}
