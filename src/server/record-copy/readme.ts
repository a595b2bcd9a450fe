import "@/server/server-only";
import { formatDateTime } from "@/lib/documents/format";
import { t } from "@/lib/i18n/messages";
import { cleanText } from "../documents/safe-file-name";

/**
 * LISEZMOI.txt: what the archive holds, in French, for the person or whoever she gives it to.
 * The names come from a record and an account (typed by people): without control or
 * direction-changing characters. CRLF line ends, which every text editor reads, Notepad included.
 */
export function readmeText({ person, agent, at }: { person: string; agent: string; at: Date }): string {
  const words = (key: "contents" | "bundle" | "documents" | "care" | "right") => t(`recordCopy.readme.${key}`);
  const lines = [
    t("recordCopy.readme.title", { person: cleanText(person, 120) || "?" }),
    "",
    t("recordCopy.readme.made", { date: formatDateTime(at), agent: cleanText(agent, 120) || "?" }),
    "",
    words("contents"),
    words("bundle"),
    words("documents"),
    "",
    words("care"),
    words("right"),
    "",
  ];
  return lines.join("\r\n");
}
