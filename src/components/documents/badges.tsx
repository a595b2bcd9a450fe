import type { Confidentiality } from "@/lib/fhir/systems";
import { t } from "@/lib/i18n/messages";

/** Small labels beside a document's title. Text, not colour alone, carries the meaning. */
const BASE = "inline-flex items-center rounded-full border px-2 py-0.5 text-xs font-semibold";

export function NewBadge() {
  return <span className={`${BASE} border-blue-800 bg-blue-50 text-blue-900`}>{t("documents.newBadge")}</span>;
}

export function HiddenBadge() {
  return <span className={`${BASE} border-slate-700 bg-slate-100 text-slate-900`}>{t("documents.hiddenBadge")}</span>;
}

export function ConfidentialityBadge({ level }: { level: Confidentiality }) {
  if (level === "N") return null;
  const tone = level === "V" ? "border-red-800 bg-red-50 text-red-900" : "border-amber-800 bg-amber-50 text-amber-950";
  return <span className={`${BASE} ${tone}`}>{t(`documents.confidentialityBadge.${level}`)}</span>;
}
