import type { Metadata } from "next";
import { Alert } from "@/components/alert";
import { AccessHistoryPagination, AccessHistorySummary, AccessHistoryTable } from "@/components/history/access-history-table";
import { PageHeader } from "@/components/page-header";
import { t } from "@/lib/i18n/messages";
import { spaceOf } from "@/server/access/actor";
import { requirePageScope } from "@/server/documents/request-repository";
import { listAccessHistory } from "@/server/history/list-access-history";

export const metadata: Metadata = { title: t("history.title") };

/**
 * Who touched the record of the space the person acts in: others' accesses first, then refused
 * attempts, then the person's own actions, each newest first (list-access-history.ts), paged
 * down to the oldest entry.
 */
export default async function AccessHistoryPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { repo, actor } = await requirePageScope();
  const raw = (await searchParams).page;
  const requested = Number(Array.isArray(raw) ? raw[0] : raw);
  const history = await listAccessHistory(repo, spaceOf(actor) ?? "", Number.isFinite(requested) ? requested : 1);
  return (
    <div className="flex flex-col gap-6">
      <PageHeader title={t("history.title")} description={t("history.intro")} />
      {!history.allowed ? (
        <Alert tone="info">{t("history.notAllowed")}</Alert>
      ) : history.entries.length === 0 ? (
        <p>{t("history.empty")}</p>
      ) : (
        <section aria-labelledby="history-count" className="flex flex-col gap-4">
          <h2 id="history-count" className="text-xl font-semibold">
            {t("history.count", { count: history.total.toLocaleString("fr-FR") })}
          </h2>
          <AccessHistorySummary history={history} />
          <AccessHistoryTable history={history} />
          <AccessHistoryPagination page={history.page} pageCount={history.pageCount} />
        </section>
      )}
    </div>
  );
}
