import { AccessHistoryPagination, AccessHistorySummary, AccessHistoryTable } from "@/components/history/access-history-table";
import { NotFoundView } from "@/components/not-found-view";
import { OutOfReachNotice } from "@/components/out-of-reach-view";
import { PageHeader } from "@/components/page-header";
import { t, tn } from "@/lib/i18n/messages";
import { readerOf, tv } from "@/lib/i18n/voice";
import { spaceOf } from "@/server/access/actor";
import { listAccessHistory, type AccessHistory } from "@/server/history/list-access-history";
import { framedPage, type FramedProps } from "@/server/pages/framed-page";
import { queryPage } from "@/server/pages/query-page";

/** Served without runtime JavaScript, as the documents page is (src/pages/espace/documents/index.tsx says why). */
export const config = { unstable_runtimeJS: false };

export const getServerSideProps = framedPage<AccessHistory>("patient", async ({ repo, actor }, { query }) => ({
  title: t("history.title"),
  data: await listAccessHistory(repo, spaceOf(actor) ?? "", queryPage(query.page)),
}));

/**
 * Who touched the record of the space the person acts in: others' accesses first, then refused
 * attempts, then the person's own actions, each newest first (list-access-history.ts), paged
 * down to the oldest entry.
 */
export default function AccessHistoryPage({ frame, data: history }: FramedProps<AccessHistory>) {
  if (!history) return <NotFoundView />;
  const reader = readerOf(frame.banner);
  return (
    <div className="flex flex-col gap-6">
      {/* The introduction says what the page shows: not above the notice that it shows nothing of it
          (« … est enregistrée ici », then « … n'est pas accessible avec les droits de votre délégation »). */}
      <PageHeader title={t("history.title")} description={history.allowed ? tv("history.intro", reader) : undefined} />
      {!history.allowed ? (
        <OutOfReachNotice part="trail" />
      ) : history.entries.length === 0 ? (
        <p>{t("history.empty")}</p>
      ) : (
        <section aria-labelledby="history-count" className="flex flex-col gap-4">
          <h2 id="history-count" className="text-xl font-semibold">
            {tn("history.count", history.total)}
          </h2>
          <AccessHistorySummary history={history} reader={reader} />
          <AccessHistoryTable history={history} reader={reader} />
          <AccessHistoryPagination page={history.page} pageCount={history.pageCount} />
        </section>
      )}
    </div>
  );
}
