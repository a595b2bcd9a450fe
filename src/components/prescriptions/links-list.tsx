import { Button } from "@/components/button";
import { formatDateTime, formatDay } from "@/lib/documents/format";
import { t, tn } from "@/lib/i18n/messages";
import type { Json } from "@/server/pages/json-props";
import type { LinkEvent, MyLink } from "@/server/sharing/list-my-links";
import { DataTable } from "@/components/data-table";

function eventText(event: Json<LinkEvent>): string {
  switch (event.kind) {
    case "wrong-passcode":
      return tn("links.events.wrong-passcode", event.attemptsLeft ?? 0);
    case "viewed":
      return (event.views ?? 1) > 1 ? tn("links.events.viewedDuringVisit", event.views ?? 1) : t("links.events.viewed");
    case "dispensed":
      return event.medication ? t("links.events.dispensed", { quantity: event.quantity ?? "", medication: event.medication }) : t("links.events.dispensedNoMedication", { quantity: event.quantity ?? "" });
    default:
      return t(`links.events.${event.kind}`);
  }
}

/**
 * The links of one prescription: state (in words), end, who created it, wrong passcodes, every
 * opening, view and dispensation, and a revoke button for each live link.
 */
export function LinksList({ prescriptionId, links }: { prescriptionId: string; links: Json<MyLink>[] }) {
  return (
    <section aria-labelledby="links-title" className="flex flex-col gap-4">
      <h2 id="links-title" className="text-lg font-semibold">
        {t("links.title")}
      </h2>
      {links.length === 0 ? <p className="text-slate-700">{t("links.none")}</p> : null}
      {links.map((link) => {
        const headingId = `lien-${link.id}`;
        return (
          <article key={link.id} aria-labelledby={headingId} className="flex flex-col gap-3 rounded-lg border border-slate-300 bg-white p-4">
            <header className="flex flex-wrap items-center justify-between gap-2">
              <h3 id={headingId} className="font-semibold">
                {t("links.heading", { date: formatDateTime(link.createdAt) })}
              </h3>
              <span className="rounded-full border border-slate-600 px-2 py-0.5 text-sm font-semibold" data-testid="link-state">
                {t(`links.states.${link.state}`)}
              </span>
            </header>
            <ul className="flex flex-col gap-1 text-slate-800">
              <li>{t("links.until", { date: formatDay(link.expiresAt) })}</li>
              {link.createdBy ? <li>{t("links.createdBy", { name: link.createdBy })}</li> : null}
              <li>{link.passcode ? t("links.passcodeOn") : t("links.passcodeOff")}</li>
              {link.passcode ? <li>{t("links.attemptsLeft", { wrong: link.wrongPasscodes, left: link.attemptsLeft })}</li> : null}
            </ul>
            {link.events.length === 0 ? (
              <p className="text-slate-700">{t("links.noEvents")}</p>
            ) : (
              <DataTable caption={t("links.eventsCaption")} columns={[t("links.colWhen"), t("links.colWhat"), t("links.colWho")]}>
                {link.events.map((event, index) => (
                  <tr key={index} className="border-t border-slate-200">
                    <td className="px-4 py-2">
                      <time dateTime={event.when}>{formatDateTime(event.when)}</time>
                    </td>
                    <td className="px-4 py-2">{eventText(event)}</td>
                    <td className="px-4 py-2">{event.pharmacy ?? event.by ?? "—"}</td>
                  </tr>
                ))}
              </DataTable>
            )}
            {link.eventsNotShown > 0 ? (
              <p className="text-slate-700">{link.moreEventsNotShown ? t("links.moreEventsNotShown", { count: link.eventsNotShown.toLocaleString("fr-FR") }) : tn("links.eventsNotShown", link.eventsNotShown)}</p>
            ) : null}
            {link.state === "active" ? (
              <form method="post" action={`/api/ordonnances/${encodeURIComponent(prescriptionId)}/liens/${link.id}/revoquer`}>
                <Button type="submit" variant="secondary" aria-describedby={headingId}>
                  {t("links.revoke")}
                </Button>
              </form>
            ) : null}
          </article>
        );
      })}
    </section>
  );
}
