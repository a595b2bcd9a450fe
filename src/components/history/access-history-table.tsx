import Link from "next/link";
import { formatDateTime } from "@/lib/documents/format";
import { t, type MessageKey } from "@/lib/i18n/messages";
import type { AccessHistory, HistoryEntry } from "@/server/history/list-access-history";
import { frHistory } from "@/lib/i18n/fr-history";
import { DataTable } from "@/components/data-table";

/**
 * The patient's access history as a table. Names and reasons are stored text rendered as text;
 * an emergency access says so in words, not by colour alone.
 */
const ACTIONS = frHistory.history.actions;
const RESOURCES = frHistory.history.resources;

function actionLabel(entry: HistoryEntry): string {
  const action = Object.hasOwn(ACTIONS, entry.interaction) ? (`history.actions.${entry.interaction}` as MessageKey) : "history.actions.other";
  const resource = entry.resourceType && Object.hasOwn(RESOURCES, entry.resourceType) ? entry.resourceType : undefined;
  if (!resource || entry.interaction === "emergency-access") return t(action);
  return `${t(action)} : ${t(`history.resources.${resource}` as MessageKey)}`;
}

export function AccessHistoryTable({ history }: { history: AccessHistory }) {
  return (
    <DataTable caption={t("history.tableCaption")} columns={[t("history.colWhen"), t("history.colWho"), t("history.colAction"), t("history.colOutcome")]}>
      {history.entries.map((entry) => (
        <tr key={entry.id} className="border-t border-slate-200 align-top">
          <td className="whitespace-nowrap px-4 py-3">
            <time dateTime={entry.when}>{formatDateTime(entry.when)}</time>
          </td>
          <td className="px-4 py-3">
            {entry.who}
            {entry.onBehalf ? <span className="block text-sm text-slate-700">{t("history.onBehalf")}</span> : null}
          </td>
          <td className="px-4 py-3">
            {entry.breakTheGlass ? (
              <span className="mb-1 inline-flex items-center rounded-full border border-red-800 bg-red-50 px-2 py-0.5 text-xs font-semibold text-red-900">
                {t("history.emergencyBadge")}
              </span>
            ) : null}
            <span className="block">{actionLabel(entry)}</span>
            {entry.emergencyReason ? (
              <span className="block text-sm text-slate-800">{t("history.emergencyReason", { reason: entry.emergencyReason })}</span>
            ) : null}
          </td>
          <td className="px-4 py-3">{t(`history.outcomes.${entry.outcome}`)}</td>
        </tr>
      ))}
    </DataTable>
  );
}

/** Newer / older links; plain links, so paging works without JavaScript. */
export function AccessHistoryPagination({ page, pageCount }: { page: number; pageCount: number }) {
  if (pageCount <= 1) return null;
  return (
    <nav aria-label={t("history.pagination")} className="flex flex-wrap items-center justify-between gap-3">
      {page > 1 ? (
        <Link href={`/espace/historique?page=${page - 1}`} rel="prev" className="font-semibold">
          ← {t("history.previous")}
        </Link>
      ) : (
        <span />
      )}
      <p>{t("history.pageOf", { page, pages: pageCount })}</p>
      {page < pageCount ? (
        <Link href={`/espace/historique?page=${page + 1}`} rel="next" className="font-semibold">
          {t("history.next")} →
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}
