import { formatDateTime } from "@/lib/documents/format";
import { t } from "@/lib/i18n/messages";
import { tv, type Reader } from "@/lib/i18n/voice";
import type { DocumentView } from "@/server/documents/get-document";
import type { Json } from "@/server/pages/json-props";
import { DataTable } from "@/components/data-table";
import { historyHref } from "@/lib/history/history-period";

/** The patient's own last view, in a sentence: "Vous" to the patient, their name to whoever reads for them. */
function PatientsLastView({ view }: { view: Json<DocumentView> }) {
  const when = <time dateTime={view.when}>{formatDateTime(view.when)}</time>;
  const [before, after] = (view.self ? t("documentPage.viewsOwnLast") : t("documentPage.viewsPatientLast", { who: view.who ?? "—" })).split("{when}");
  return (
    <p className="text-slate-700">
      {before}
      {when}
      {after}
    </p>
  );
}

/**
 * "Who viewed this document", from the audit trail: everyone but the patient in a table, and the
 * patient's own last view in a sentence above it (their own views never push another's off).
 * `reader`: the patient, or who reads her space for her (a view made for her is « pour vous » or « pour Camille Martin »).
 */
export function DocumentViewsTable({ documentId, views, patientsLast, more, reader }: { documentId: string; views: Json<DocumentView>[]; patientsLast?: Json<DocumentView>; more?: boolean; reader: Reader }) {
  return (
    <section aria-labelledby="views-title" className="flex flex-col gap-3">
      <h2 id="views-title" className="text-lg font-semibold">
        {t("documentPage.viewsTitle")}
      </h2>
      {patientsLast ? <PatientsLastView view={patientsLast} /> : null}
      {views.length === 0 ? (
        <p className="text-slate-700">{t(patientsLast ? "documentPage.viewsNoneOthers" : "documentPage.viewsNone")}</p>
      ) : (
        <DataTable caption={t("documentPage.viewsCaption")} columns={[t("documentPage.viewsWho"), t("documentPage.viewsWhat"), t("documentPage.viewsWhen")]}>
          {views.map((view, index) => (
            // The cells' padding is set once on the row: twenty rows of three cells (document-table.tsx says why).
            <tr key={index} className="border-t border-slate-200 *:px-4 *:py-2">
              <td>
                {view.self ? t("documentPage.viewsYou") : (view.who ?? "—")}
                {view.emergency ? <span className="ml-1 font-semibold text-red-900">{t("documentPage.viewsEmergency")}</span> : null}
                {view.onBehalf && !view.self ? <span className="block text-sm text-slate-700">{tv("documentPage.viewsOnBehalf", reader)}</span> : null}
              </td>
              <td>{view.interaction === "download" ? t("documentPage.viewsDownload") : t("documentPage.viewsRead")}</td>
              <td>
                <time dateTime={view.when}>{formatDateTime(view.when)}</time>
              </td>
            </tr>
          ))}
        </DataTable>
      )}
      {/* The older views, and the refused attempts on the document, are in the access history: reached from here, narrowed to it. */}
      <p className="flex flex-col gap-1">
        {more ? <span>{t("documentPage.viewsNewestShown")}</span> : null}
        <a href={historyHref({ document: documentId })} className="font-semibold">
          {t("documentPage.viewsAll")}
        </a>
      </p>
    </section>
  );
}
