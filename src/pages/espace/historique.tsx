import { AccessHistoryPagination, AccessHistorySummary, AccessHistoryTable } from "@/components/history/access-history-table";
import { NotFoundView } from "@/components/not-found-view";
import { OutOfReachNotice } from "@/components/out-of-reach-view";
import { PageHeader } from "@/components/page-header";
import { t, tn } from "@/lib/i18n/messages";
import { readerOf, tv } from "@/lib/i18n/voice";
import { spaceOf } from "@/server/access/actor";
import { listAccessHistory, type AccessHistory } from "@/server/history/list-access-history";
import { framedPage, type FramedProps } from "@/server/pages/framed-page";
import { queryPage, queryValue } from "@/server/pages/query-page";
import { HistoryPeriodForm } from "@/components/history/history-period-form";
import { formatDay } from "@/lib/documents/format";
import { historyHref, isNarrowed, parseHistoryDocument, parseHistoryPeriod, type HistoryPeriod, type PeriodRefusal } from "@/lib/history/history-period";

/** Served without runtime JavaScript, as the documents page is (src/pages/espace/documents/index.tsx says why). */
export const config = { unstable_runtimeJS: false };

type Data = AccessHistory & { refused: PeriodRefusal | null; typed: { du?: string; au?: string } };

export const getServerSideProps = framedPage<Data>("patient", async ({ repo, actor }, { query }) => {
  const { period, refused } = parseHistoryPeriod(query);
  const document = parseHistoryDocument(query);
  const history = await listAccessHistory(repo, spaceOf(actor) ?? "", queryPage(query.page), document ? { ...period, document } : period);
  // What was typed comes back into a refused field (at most a date's worth: it is shown, not read).
  const typed = { du: queryValue(query.du)?.slice(0, 20), au: queryValue(query.au)?.slice(0, 20) };
  return { title: t("history.title"), data: { ...history, refused: refused ?? null, typed: refused ? typed : {} } };
});

/** « Du 1er décembre 2026 au 7 décembre 2026 inclus. », said under the count of a narrowed view. */
function periodWords(period: HistoryPeriod): string {
  if (period.from && period.to) return t("history.periodShown.both", { from: formatDay(period.from), to: formatDay(period.to) });
  return period.from ? t("history.periodShown.from", { from: formatDay(period.from) }) : t("history.periodShown.to", { to: formatDay(period.to ?? "") });
}

/** The history narrowed to one document: said, with the way back to it and to the whole trail. */
function DocumentShown({ document, period }: { document: string; period: HistoryPeriod }) {
  return (
    <div className="flex flex-col gap-1">
      <p>{t("history.documentShown")}</p>
      <p className="flex flex-wrap gap-x-6 gap-y-1">
        <a href={`/espace/documents/${document}`} className="font-semibold">
          {t("history.documentBack")}
        </a>
        <a href={historyHref({ from: period.from, to: period.to })} className="font-semibold">
          {t("history.documentAll")}
        </a>
      </p>
    </div>
  );
}

/**
 * Who touched the record of the space the person acts in: others' accesses first, then refused
 * attempts, then the person's own actions, each newest first (list-access-history.ts), paged
 * down to the oldest entry.
 */
export default function AccessHistoryPage({ frame, data: history }: FramedProps<Data>) {
  if (!history) return <NotFoundView />;
  const reader = readerOf(frame.banner);
  return (
    <div className="flex flex-col gap-6">
      {/* The introduction says what the page shows: not above the notice that it shows nothing of it
          (« … est enregistrée ici », then « … n'est pas accessible avec les droits de votre délégation »). */}
      <PageHeader title={t("history.title")} description={history.allowed ? tv("history.intro", reader) : undefined} />
      {!history.allowed ? (
        <OutOfReachNotice part="trail" />
      ) : history.total === 0 && !isNarrowed(history.period) && !history.period.document && !history.refused ? (
        <p>{t("history.empty")}</p>
      ) : (
        <>
          <HistoryPeriodForm period={history.period} refused={history.refused ?? undefined} typed={history.typed} />
          <section aria-labelledby="history-count" className="flex flex-col gap-4">
            <h2 id="history-count" className="text-xl font-semibold">
              {tn("history.count", history.total)}
            </h2>
            {history.period.document ? <DocumentShown document={history.period.document} period={history.period} /> : null}
            {isNarrowed(history.period) ? <p>{periodWords(history.period)}</p> : null}
            {history.entries.length === 0 ? (
              <p>{t(isNarrowed(history.period) ? "history.periodEmpty" : "history.documentEmpty")}</p>
            ) : (
              <>
                <AccessHistorySummary history={history} reader={reader} />
                <AccessHistoryTable history={history} reader={reader} />
                <AccessHistoryPagination page={history.page} pageCount={history.pageCount} period={history.period} />
              </>
            )}
          </section>
        </>
      )}
    </div>
  );
}
