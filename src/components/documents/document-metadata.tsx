import { formatDay, formatLabel, formatSize, isoDay } from "@/lib/documents/format";
import { t } from "@/lib/i18n/messages";
import type { DocumentSummary } from "@/server/documents/document-summary";
import { authorLabel } from "./document-table";

/** A document's metadata as a description list. */
export function DocumentMetadata({ document, showPrivacy }: { document: DocumentSummary; showPrivacy: boolean }) {
  const rows: [string, React.ReactNode][] = [
    [t("documentPage.type"), document.kindLabel],
    [t("documentPage.category"), document.category ? t(`documents.categories.${document.category}`) : undefined],
    [t("documentPage.date"), document.date ? <time dateTime={isoDay(document.date)}>{formatDay(document.date)}</time> : undefined],
    [t("documentPage.author"), authorLabel(document)],
    [t("documentPage.facility"), document.facilityName],
    [t("documentPage.format"), [formatLabel(document.contentType), formatSize(document.size)].filter(Boolean).join(", ")],
  ];
  if (showPrivacy) {
    rows.push([t("documentPage.confidentiality"), t(`documentPage.levelNames.${document.confidentiality}`)]);
    rows.push([t("documentPage.visibility"), document.hidden ? t("documentPage.hiddenFromPros") : t("documentPage.visibleToPros")]);
  }
  return (
    <section aria-labelledby="metadata-title" className="rounded-lg border border-slate-300 bg-white p-4">
      <h2 id="metadata-title" className="mb-3 text-lg font-semibold">
        {t("documentPage.metadataTitle")}
      </h2>
      <dl className="grid gap-x-6 gap-y-2 sm:grid-cols-[max-content_1fr]">
        {rows
          .filter(([, value]) => value !== undefined && value !== "")
          .map(([label, value]) => (
            <div key={label} className="contents">
              <dt className="font-semibold text-slate-900">{label}</dt>
              <dd className="text-slate-800">{value}</dd>
            </div>
          ))}
      </dl>
    </section>
  );
}
