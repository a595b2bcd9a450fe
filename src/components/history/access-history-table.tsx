import { Fragment } from "react";
import { formatDateTime } from "@/lib/documents/format";
import { t, tn, type MessageKey } from "@/lib/i18n/messages";
import { tnv, tv, type Reader } from "@/lib/i18n/voice";
import type { AccessHistory, HistoryEntry } from "@/server/history/list-access-history";
import { frHistory } from "@/lib/i18n/fr-history";
import { DataTable } from "@/components/data-table";
import { UnrecognisedAccessButton, UnrecognisedAccessForm } from "./unrecognised-access";
import { historyHref, type HistoryView } from "@/lib/history/history-period";

/**
 * The patient's access history as a table. Names and reasons are stored text rendered as text;
 * an emergency access says so in words, not by colour alone. The entries come in groups
 * (others' accesses, refused attempts, the patient's own actions): each group opens with a
 * header row, so the grouping is read out, not only seen.
 */
const ACTIONS = frHistory.history.actions;
const RESOURCES = frHistory.history.resources;
const SEARCHED = frHistory.history.searched;

/**
 * "Consultation : un document", "Recherche dans les vaccinations, les problèmes de santé et les
 * actes médicaux": every type the row names that we have words for, in the singular for an act on
 * one resource, in the plural for a search (fr-history.ts says why); the record itself is « votre
 * dossier » to the patient, « le dossier » to someone acting for her (the page says whose).
 */
function actionLabel(entry: HistoryEntry, reader: Reader): string {
  const action = Object.hasOwn(ACTIONS, entry.interaction) ? (`history.actions.${entry.interaction}` as MessageKey) : "history.actions.other";
  const search = entry.interaction === "search";
  const words = search ? SEARCHED : RESOURCES;
  const resources = entry.resourceTypes
    .filter((type): type is keyof typeof words => Object.hasOwn(words, type))
    .map((type) => {
      const said = words[type];
      return typeof said === "string" ? said : said[reader.voice];
    });
  if (resources.length === 0 || entry.interaction === "emergency-access" || entry.interaction === "emergency-end") return t(action);
  // A professional and their role are both « un professionnel »: said once.
  const list = LIST.format(new Set(resources));
  return search ? `${t("history.searchIn")} ${list}` : `${t(action)} : ${list}`;
}

const LIST = new Intl.ListFormat("fr", { style: "long", type: "conjunction" });

/** The id of the sentence that says what "Je ne reconnais pas cet accès" does, read with each button. */
const REPORT_HINT_ID = "signaler-aide";

const reportable = (history: AccessHistory, entry: HistoryEntry) => history.mayReport && entry.agentType === "Practitioner" && entry.outcome === "success";

/**
 * The table, and, when this reader may report an access, the sentence saying what reporting does
 * and the one form every row's button submits (unrecognised-access.tsx says why one).
 */
export function AccessHistoryTable({ history, reader }: { history: AccessHistory; reader: Reader }) {
  const table = <AccessHistoryRows history={history} reader={reader} />;
  if (!history.entries.some((entry) => reportable(history, entry) && !entry.reported)) return table;
  return (
    <UnrecognisedAccessForm>
      <p id={REPORT_HINT_ID} className="mb-2 text-sm text-slate-800">
        {t("unrecognised.tableHint")}
      </p>
      {table}
    </UnrecognisedAccessForm>
  );
}

function AccessHistoryRows({ history, reader }: { history: AccessHistory; reader: Reader }) {
  return (
    <DataTable caption={tv("history.tableCaption", reader)} columns={[t("history.colWhen"), t("history.colWho"), t("history.colAction"), t("history.colOutcome")]}>
      {history.entries.map((entry, i) => (
        <Fragment key={entry.id}>
          {i === 0 || history.entries[i - 1]?.group !== entry.group ? (
            <tr className="border-t border-slate-300 bg-slate-50">
              <th id={`groupe-${entry.group}`} scope="colgroup" colSpan={4} className="scroll-mt-4 px-4 py-2 text-left font-semibold">
                {entry.group === "refused" ? t("history.groups.refused") : tv(`history.groups.${entry.group}`, reader)}
              </th>
            </tr>
          ) : null}
          {/* The cells' padding is set once on the row (document-table.tsx says why). */}
          <tr className="border-t border-slate-200 align-top *:px-4 *:py-3">
            <td className="whitespace-nowrap">
              <time dateTime={entry.when}>{formatDateTime(entry.when)}</time>
            </td>
            <td>
              <span id={`qui-${entry.id}`}>{entry.who}</span>
              {entry.onBehalf ? (
                <span className="block text-sm text-slate-700">{onBehalfLabel(history)}</span>
              ) : null}
              {reportable(history, entry) ? (
                <UnrecognisedAccessButton entryId={entry.id} reported={entry.reported} describedBy={`qui-${entry.id}`} hintId={REPORT_HINT_ID} />
              ) : null}
            </td>
            <td>
              {entry.breakTheGlass ? (
                <span className="mb-1 inline-flex items-center rounded-full border border-red-800 bg-red-50 px-2 py-0.5 text-xs font-semibold text-red-900">
                  {t("history.emergencyBadge")}
                </span>
              ) : null}
              <span className="block">{actionLabel(entry, reader)}</span>
              {entry.emergencyReason ? (
                <span className="block text-sm text-slate-800">{t("history.emergencyReason", { reason: entry.emergencyReason })}</span>
              ) : null}
            </td>
            <td>{t(`history.outcomes.${entry.outcome}`)}</td>
          </tr>
        </Fragment>
      ))}
    </DataTable>
  );
}

/** For whom someone acted: « pour vous » in one's own history, else the person's name when it could be read. */
function onBehalfLabel(history: AccessHistory): string {
  if (history.ownHistory) return t("history.onBehalfOfYou");
  return history.patientName ? t("history.onBehalfOf", { name: history.patientName }) : t("history.onBehalf");
}


const SUMMARY = [
  ["others", "history.summaryOthers"],
  ["refused", "history.summaryRefused"],
  ["own", "history.summaryOwn"],
] as const;

/**
 * How many entries each group holds, each count a link to the page where its group begins
 * (at its header row), so refused attempts are one click away however many pages others'
 * accesses fill. An empty group is a count, not a link.
 */
export function AccessHistorySummary({ history, reader }: { history: AccessHistory; reader: Reader }) {
  return (
    <nav aria-label={t("history.summaryLabel")}>
      <ul className="flex flex-wrap gap-x-6 gap-y-1">
        {SUMMARY.map(([group, key]) => {
          const text = key === "history.summaryRefused" ? tn(key, history.groups[group]) : tnv(key, reader, history.groups[group]);
          return (
            <li key={group}>
              {history.groups[group] > 0 ? (
                <a href={`${historyHref(history.period, history.groupStarts[group])}#groupe-${group}`} className="font-semibold">
                  {text}
                </a>
              ) : (
                text
              )}
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

/**
 * First, previous, next and last links, and a page number to jump to: plain links and a GET
 * form, so paging works without JavaScript, down to the oldest entry.
 */
export function AccessHistoryPagination({ page, pageCount, period }: { page: number; pageCount: number; period: HistoryView }) {
  if (pageCount <= 1) return null;
  const pageHref = (to: number) => historyHref(period, to);
  return (
    <nav aria-label={t("history.pagination")} className="flex flex-col gap-3">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <span className="flex gap-4">
          {page > 1 ? (
            <>
              <a href={pageHref(1)} className="font-semibold">
                « {t("history.first")}
              </a>
              <a href={pageHref(page - 1)} rel="prev" className="font-semibold">
                ← {t("history.previous")}
              </a>
            </>
          ) : null}
        </span>
        <p>{t("history.pageOf", { page: page.toLocaleString("fr-FR"), pages: pageCount.toLocaleString("fr-FR") })}</p>
        <span className="flex gap-4">
          {page < pageCount ? (
            <>
              <a href={pageHref(page + 1)} rel="next" className="font-semibold">
                {t("history.next")} →
              </a>
              <a href={pageHref(pageCount)} className="font-semibold">
                {t("history.last")} »
              </a>
            </>
          ) : null}
        </span>
      </div>
      <form method="get" action="/espace/historique" className="flex flex-wrap items-end gap-2">
        {/* The period and document shown go along: « go to page 3 » of last week's entries, not of the whole trail. */}
        {period.document ? <input type="hidden" name="document" value={period.document} /> : null}
        {period.from ? <input type="hidden" name="du" value={period.from} /> : null}
        {period.to ? <input type="hidden" name="au" value={period.to} /> : null}
        <label className="flex flex-col text-sm">
          {t("history.goTo")}
          <input type="number" name="page" min={1} max={pageCount} defaultValue={page} required className="w-32 rounded border border-slate-400 px-2 py-1" />
        </label>
        <button type="submit" className="rounded border border-slate-700 px-3 py-1 font-semibold">
          {t("history.go")}
        </button>
      </form>
    </nav>
  );
}
