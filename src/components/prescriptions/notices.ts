import { t } from "@/lib/i18n/messages";
import type { Notice } from "@/components/documents/notices";

/** The message shown after a prescriptions form post, from the fixed code the route put in the URL. */
export function prescriptionNotice(code: string | string[] | undefined): Notice | undefined {
  switch (Array.isArray(code) ? code[0] : code) {
    case "lien-revoque":
      return { tone: "success", text: t("links.revoked") };
    case "date":
      return { tone: "error", text: t("share.errors.date") };
    case "etat":
      return { tone: "error", text: t("share.errors.state") };
    case "interdit":
      return { tone: "error", text: t("share.errors.forbidden") };
    case "echec":
      return { tone: "error", text: t("share.errors.failed") };
    default:
      return undefined;
  }
}
