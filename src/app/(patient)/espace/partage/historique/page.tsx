import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/page-header";
import { PageLinks } from "@/components/page-links";
import { t, type MessageKey } from "@/lib/i18n/messages";
import { requirePageScope } from "@/server/documents/request-repository";
import { choiceHistory, type ChoiceEvent } from "@/server/privacy/choice-history";
import { orNotFound } from "../or-not-found";

export const metadata: Metadata = { title: "Historique de vos choix de partage" };

const when = new Intl.DateTimeFormat("fr-FR", { dateStyle: "long", timeStyle: "short", timeZone: "Europe/Paris" });

const KEYS: Record<ChoiceEvent["kind"], MessageKey> = {
  authorised: "sharing.events.authorised",
  changed: "sharing.events.changed",
  withdrawn: "sharing.events.withdrawn",
  blocked: "sharing.events.blocked",
  unblocked: "sharing.events.unblocked",
  emergency: "sharing.events.emergency",
  research: "sharing.events.research",
  defaultLevel: "sharing.events.defaultLevel",
};

/** "Vous avez autorisé Dr Petit le 3 mars, retiré le 5 mai": every change of the sharing choices, newest first. */
export default async function ChoiceHistoryPage({ searchParams }: { searchParams: Promise<{ page?: string | string[] }> }) {
  const { repo } = await requirePageScope();
  const raw = Number((await searchParams).page);
  const page = Number.isInteger(raw) && raw >= 1 && raw <= 10_000 ? raw : 1;
  const { events, hasMore } = await orNotFound(choiceHistory(repo, page));
  return (
    <div className="flex flex-col gap-6">
      <PageHeader title={t("sharing.historyTitle")} />
      {events.length === 0 ? <p>{t("sharing.historyNone")}</p> : null}
      <ol className="flex flex-col gap-2">
        {events.map((event, index) => (
          <li key={`${event.when.toISOString()}-${index}`} className="rounded border border-slate-300 bg-white px-3 py-2">
            {t(KEYS[event.kind], { name: event.name ?? "un professionnel" })} — <time dateTime={event.when.toISOString()}>{when.format(event.when)}</time>
          </li>
        ))}
      </ol>
      <PageLinks
        page={page}
        pages={hasMore ? page + 1 : page}
        hrefFor={(n) => `/espace/partage/historique?page=${n}`}
        labels={{ nav: t("sharing.historyPages"), previous: t("proPatients.previous"), next: t("proPatients.next"), pageOf: t("proPatients.pageOf", { page, pages: hasMore ? `${page + 1}+` : page }) }}
      />
      <p>
        <Link href="/espace/partage" className="font-semibold">
          ← {t("sharing.previewBack")}
        </Link>
      </p>
    </div>
  );
}
