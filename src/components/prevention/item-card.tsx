import { Button } from "@/components/button";
import { FieldError } from "@/components/field-error";
import { frDay } from "@/server/prevention/evaluators/context";
import type { PreventionItem } from "@/server/prevention/types";
import { t } from "@/lib/i18n/messages";
import { tv, type Reader } from "@/lib/i18n/voice";
import { itemAnchor } from "@/lib/prevention/item-anchor";

/**
 * One prevention item: what it is, its status and date, "Pourquoi ?" (the reason, with the data
 * used and the source), "C'est fait" (a dated form, plain HTML) and "Ne plus me le rappeler"
 * for its theme. Works without JavaScript. `reader`: whose calendar it is, for the words that
 * speak of the person (« Ne concerne pas Léo Martin » in his mother's space, not « vous »).
 * `dateRefused`: its « C'est fait » came back refused for the day; the date field says so itself
 * (aria-invalid, its error read with it), not only the notice at the top of the page, and holds
 * the day that was typed (`typedDay`) rather than today.
 */
export function ItemCard({
  item,
  today,
  silenced,
  canWrite,
  reader,
  dateRefused = false,
  typedDay,
}: {
  item: PreventionItem;
  today: string;
  silenced: boolean;
  canWrite: boolean;
  reader: Reader;
  dateRefused?: boolean;
  typedDay?: string;
}) {
  const id = itemId(item);
  const badge = item.status === "OVERDUE" ? "bg-red-100 text-red-900 border-red-700" : item.status === "COMPLETE" ? "bg-green-50 text-green-900 border-green-700" : "bg-blue-50 text-blue-950 border-blue-700";
  return (
    <li className="rounded-lg border border-slate-300 bg-white p-5 shadow-sm" aria-labelledby={`${id}-title`} data-item={item.item}>
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h3 id={`${id}-title`} className="text-lg font-semibold text-slate-900">
          {item.label}
        </h3>
        <span className={`rounded border px-2 py-0.5 text-sm font-semibold ${badge}`}>{item.status === "NOT_APPLICABLE" ? tv("preventionWords.notApplicable", reader) : t(`prevention.status.${item.status}`)}</span>
      </div>
      <p className="mt-1 text-slate-700">{whenText(item, reader)}</p>
      {item.mandatory ? <p className="mt-1 text-sm font-semibold text-slate-900">{t("prevention.item.mandatory")}</p> : null}
      <details className="mt-3">
        <summary className="cursor-pointer font-semibold text-blue-800 underline underline-offset-4">
          {t("prevention.item.why")}
          {/* Ten cards, ten « Pourquoi ? »: a screen reader's list of controls says which item each one opens. */}
          <span className="sr-only">{t("prevention.item.whyOf", { label: item.label })}</span>
        </summary>
        <p className="mt-2 max-w-prose text-slate-800">{item.reason}</p>
        <p className="mt-1 text-sm text-slate-700">
          {t("prevention.item.source")}{" "}
          <a className="text-blue-800 underline" href={item.source.url} rel="noreferrer">
            {item.source.document} ({item.source.edition})
          </a>
        </p>
      </details>
      {canWrite && item.status !== "NOT_APPLICABLE" ? (
        <div className="mt-4 flex flex-wrap items-end gap-4">
          {item.status !== "COMPLETE" ? (
            <form method="post" action="/espace/prevention/fait" className="flex flex-wrap items-end gap-2">
              <input type="hidden" name="item" value={item.item} />
              <div className="flex flex-col">
                <label htmlFor={`${id}-date`} className="text-sm font-semibold text-slate-800">
                  {t("prevention.item.doneDate")}
                </label>
                {dateRefused ? <FieldError id={`${id}-date-error`} text={t("prevention.item.doneDateError")} /> : null}
                <input
                  id={`${id}-date`}
                  type="date"
                  name="date"
                  required
                  defaultValue={typedDay || today}
                  max={today}
                  aria-invalid={dateRefused || undefined}
                  aria-describedby={dateRefused ? `${id}-date-error` : undefined}
                  className="rounded border border-slate-500 px-2 py-1"
                />
              </div>
              <Button type="submit" aria-describedby={`${id}-title`}>
                {t("prevention.item.done")}
              </Button>
            </form>
          ) : null}
          <form method="post" action="/espace/prevention/rappels">
            <input type="hidden" name="theme" value={item.theme} />
            <input type="hidden" name="action" value={silenced ? "restore" : "silence"} />
            <Button type="submit" variant="quiet" aria-describedby={`${id}-title`}>
              {t(silenced ? "prevention.reminders.restoreTheme" : "prevention.reminders.silenceTheme")}
            </Button>
          </form>
        </div>
      ) : null}
      {silenced ? <p className="mt-2 text-sm text-slate-700">{t("prevention.reminders.silencedTheme", { theme: t(`prevention.themes.${item.theme}`) })}</p> : null}
    </li>
  );
}

/** The card's id, which its fields' ids start with (the page's notice links to the refused date: `${itemId(item)}-date`). */
export function itemId(item: PreventionItem): string {
  return itemAnchor(item.item);
}

/** When to do it, in words: the item's dose and its dates, as its status reads them. */
function whenText(item: PreventionItem, reader: Reader): string {
  const dose = item.dose ? t("prevention.item.dose", { dose: item.dose }) : "";
  switch (item.status) {
    case "OVERDUE":
      return item.due ? t("prevention.item.overdueSince", { dose, date: frDay(item.due) }) : t("prevention.item.overdue", { dose });
    case "DUE":
      return item.due ? t("prevention.item.dueSince", { dose, date: frDay(item.due) }) : t("prevention.item.due", { dose });
    case "NOT_DUE":
      return item.due ? t("prevention.item.notDueFrom", { dose, date: frDay(item.due) }) : t("prevention.item.notDue", { dose });
    case "COMPLETE":
      return item.next ? t("prevention.item.completeNext", { date: frDay(item.next) }) : t("prevention.item.complete");
    case "NOT_APPLICABLE":
      return tv("preventionWords.notApplicableToday", reader);
  }
}
