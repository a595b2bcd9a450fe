import { DataTable } from "@/components/data-table";
import { formatDateTime } from "@/lib/documents/format";
import { messages, t, type MessageKey } from "@/lib/i18n/messages";
import type { AccountEventView } from "@/server/accounts/account-page-data";
import type { Json } from "@/server/pages/json-props";

/**
 * A list of the account's trail, so a person sees what was not theirs: the sign-ins (successful
 * or not), or the changes made to the account (and the codes refused while confirming one).
 */
const WORDS = {
  "sign-ins": { id: "events-title", title: "account.eventsTitle", intro: "account.eventsIntro", caption: "account.eventsCaption", none: "account.noEvents" },
  changes: { id: "changes-title", title: "account.changesTitle", intro: "account.changesIntro", caption: "account.changesCaption", none: "account.noChanges" },
} satisfies Record<string, { id: string; title: MessageKey; intro: MessageKey; caption: MessageKey; none: MessageKey }>;

export function EventsSection({ events, list }: { events: Json<AccountEventView[]>; list: keyof typeof WORDS }) {
  const labels = messages().accountEvents as Record<string, string>;
  const words = WORDS[list];
  return (
    <section aria-labelledby={words.id} className="flex flex-col gap-3">
      <h2 id={words.id} className="text-xl font-semibold">
        {t(words.title)}
      </h2>
      <p>{t(words.intro)}</p>
      {events.length === 0 ? (
        <p>{t(words.none)}</p>
      ) : (
        <DataTable caption={t(words.caption)} columns={[t("account.eventWhen"), t("account.eventWhat"), t("account.eventWhere")]}>
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
