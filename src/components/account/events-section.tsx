import { DataTable } from "@/components/data-table";
import { formatDateTime } from "@/lib/documents/format";
import { messages, t } from "@/lib/i18n/messages";
import type { AccountPageData } from "@/server/accounts/account-page-data";
import type { Json } from "@/server/pages/json-props";

/** Recent sign-ins and failed attempts, so a person sees one that was not theirs. */
export function EventsSection({ events }: { events: Json<AccountPageData["events"]> }) {
  const labels = messages().accountEvents as Record<string, string>;
  return (
    <section aria-labelledby="events-title" className="flex flex-col gap-3">
      <h2 id="events-title" className="text-xl font-semibold">
        {t("account.eventsTitle")}
      </h2>
      <p>{t("account.eventsIntro")}</p>
      {events.length === 0 ? (
        <p>{t("account.noEvents")}</p>
      ) : (
        <DataTable caption={t("account.eventsCaption")} columns={[t("account.eventWhen"), t("account.eventWhat"), t("account.eventWhere")]}>
          {events.map((event, index) => (
            <tr key={`${event.at}-${index}`} className="border-t border-slate-200">
              <td className="px-4 py-2">{formatDateTime(event.at)}</td>
              <td className="px-4 py-2">{labels[event.kind] ?? event.kind}</td>
              <td className="px-4 py-2">{event.address ?? t("account.unknown")}</td>
            </tr>
          ))}
        </DataTable>
      )}
    </section>
  );
}
