import { t } from "@/lib/i18n/messages";

/** The message shown after a form post, from the fixed code the route put in the URL (never free text). */
export type Notice = { tone: "success" | "error" | "info"; text: string };

export function noticeFor(code: string | string[] | undefined): Notice | undefined {
  switch (Array.isArray(code) ? code[0] : code) {
    case "masque":
      return { tone: "success", text: t("documentPage.hiddenDone") };
    case "visible":
      return { tone: "success", text: t("documentPage.shownDone") };
    case "niveau":
      return { tone: "success", text: t("documentPage.levelDone") };
    case "supprime":
      return { tone: "success", text: t("documentPage.deleted") };
    case "ajoute":
      return { tone: "success", text: t("documentPage.uploaded") };
    case "ajoute-sans-texte":
      return { tone: "info", text: t("documentPage.uploadedTextUnread") };
    case "conflit":
      return { tone: "error", text: t("documentPage.conflict") };
    case "echec":
      return { tone: "error", text: t("documentPage.actionFailed") };
    default:
      return undefined;
  }
}
