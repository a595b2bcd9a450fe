import { formatShortDay, isoDay } from "@/lib/documents/format";
import { t } from "@/lib/i18n/messages";
import type { DocumentSummary } from "@/server/documents/document-summary";
import { ConfidentialityBadge, HiddenBadge, NewBadge } from "./badges";
import { DataTable } from "@/components/data-table";

/**
 * The documents as a table (one row per document, column headers for screen readers). Titles
 * and names are stored text rendered as text: a title holding markup shows as characters.
 */
export function authorLabel(document: DocumentSummary): string {
  if (document.authorName) return document.authorName;
  return document.authorIsPatient ? t("documents.authorPatient") : t("documents.unknownAuthor");
}

export function DocumentTable({
  documents,
  hrefOf,
  showPrivacy,
}: {
  documents: DocumentSummary[];
  hrefOf: (id: string) => string;
  showPrivacy: boolean;
}) {
  return (
    <DataTable caption={t("documents.tableCaption")} columns={[t("documents.colTitle"), t("documents.colCategory"), t("documents.colDate"), t("documents.colAuthor")]}>
      {documents.map((document) => (
        // The cells' padding is set once on the row (`*:`), not on each cell: the busiest pages
        // render this table, and each class attribute is one more string React encodes per cell
        // (issue 16's profiles: string encoding was about a tenth of the documents page's CPU).
        <tr key={document.id} className="border-t border-slate-200 align-top *:px-4 *:py-3">
          <th scope="row" className="font-normal">
            <a href={hrefOf(document.id)} className="font-semibold">
              {document.title || t("documents.untitled")}
            </a>
            {document.kindLabel && document.kindLabel !== document.title ? (
              <span className="block text-sm text-slate-700">{document.kindLabel}</span>
            ) : null}
            {/* The badges' line only when there is a badge: most documents have none. */}
            {document.isNew || (showPrivacy && document.hidden) || document.confidentiality !== "N" ? (
              <span className="mt-1 flex flex-wrap gap-1">
                {document.isNew ? <NewBadge /> : null}
                {showPrivacy && document.hidden ? <HiddenBadge /> : null}
                <ConfidentialityBadge level={document.confidentiality} />
              </span>
            ) : null}
          </th>
          <td>{document.category ? t(`documents.categories.${document.category}`) : ""}</td>
          <td className="whitespace-nowrap">
            {document.date ? <time dateTime={isoDay(document.date)}>{formatShortDay(document.date)}</time> : null}
          </td>
          <td>
            {authorLabel(document)}
            {document.facilityName ? <span className="block text-sm text-slate-700">{document.facilityName}</span> : null}
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
