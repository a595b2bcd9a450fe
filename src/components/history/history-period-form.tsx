import { Button } from "@/components/button";
import { TextField } from "@/components/text-field";
import { historyHref, isNarrowed, type HistoryView, type PeriodRefusal } from "@/lib/history/history-period";
import { t } from "@/lib/i18n/messages";

/**
 * « Du … au … » above the history: a plain GET form (works without JavaScript, the URL keeps the
 * view). A refused period comes back with the days as typed, the field at fault marked and the
 * reason read with it; the whole trail is shown meanwhile.
 */
export function HistoryPeriodForm({ period, refused, typed }: { period: HistoryView; refused?: PeriodRefusal; typed: { du?: string; au?: string } }) {
  const error = refused ? t(refused.reason === "order" ? "history.periodOrder" : "history.periodDay") : undefined;
  return (
    <section aria-labelledby="periode-titre" className="rounded-lg border border-slate-300 bg-white p-4">
      <h2 id="periode-titre" className="mb-3 text-lg font-semibold">
        {t("history.periodTitle")}
      </h2>
      <form method="get" action="/espace/historique" className="flex flex-wrap items-end gap-4">
        {/* Narrowing a document's entries to a period keeps them that document's. */}
        {period.document ? <input type="hidden" name="document" value={period.document} /> : null}
        <TextField name="du" type="date" label={t("history.periodFrom")} defaultValue={refused ? typed.du : period.from} error={refused?.field === "du" ? error : undefined} autoFocus={refused?.field === "du"} />
        <TextField name="au" type="date" label={t("history.periodTo")} defaultValue={refused ? typed.au : period.to} error={refused?.field === "au" ? error : undefined} autoFocus={refused?.field === "au"} />
        <div className="flex flex-wrap items-end gap-3">
          <Button type="submit">{t("history.periodApply")}</Button>
          {isNarrowed(period) || period.document || refused ? (
            <a href={historyHref({})} className="py-2 font-semibold">
              {t("history.periodAll")}
            </a>
          ) : null}
        </div>
      </form>
    </section>
  );
}
