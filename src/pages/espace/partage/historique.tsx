import { NotFoundView } from "@/components/not-found-view";
import { OutOfReachView } from "@/components/out-of-reach-view";
import { PageHeader } from "@/components/page-header";
import { PageLinks } from "@/components/page-links";
import { formatDateTime } from "@/lib/documents/format";
import { t, type MessageKey } from "@/lib/i18n/messages";
import { reachesPart } from "@/server/delegations/space-parts";
import { framedPage, NOT_FOUND, type FramedProps } from "@/server/pages/framed-page";
import { orUndefined } from "@/server/pages/or-undefined";
import { choiceHistory, type ChoiceEvent } from "@/server/privacy/choice-history";

/** Served without runtime JavaScript, as the documents page is (src/pages/espace/documents/index.tsx says why). */
export const config = { unstable_runtimeJS: false };

type Data = { events: (ChoiceEvent & { name?: string })[]; hasMore: boolean; page: number } | { outOfReach: "privacy" };

export const getServerSideProps = framedPage<Data>("patient", async ({ repo }, { query }) => {
  // A caregiver whose delegation does not include managing sharing: the page says so, as the
  // sharing page does, and reads nothing.
  if (!(await reachesPart(repo, "privacy"))) return { title: t("sharing.historyTitle"), data: { outOfReach: "privacy" } };
  const raw = Number(query.page);
  const page = Number.isInteger(raw) && raw >= 1 && raw <= 10_000 ? raw : 1;
  // Anyone else who may not read the choices: the same « not found » as a page that does not exist.
  const history = await orUndefined(choiceHistory(repo, page));
  return history ? { title: "Historique de vos choix de partage", data: { events: history.events, hasMore: history.hasMore, page } } : NOT_FOUND;
});

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
export default function ChoiceHistoryPage({ data }: FramedProps<Data>) {
  if (!data) return <NotFoundView />;
  if ("outOfReach" in data) return <OutOfReachView title={t("sharing.historyTitle")} part={data.outOfReach} />;
  return (
    <div className="flex flex-col gap-6">
      <PageHeader title={t("sharing.historyTitle")} />
      {data.events.length === 0 ? <p>{t("sharing.historyNone")}</p> : null}
      <ol className="flex flex-col gap-2">
        {data.events.map((event, index) => (
          <li key={`${event.when}-${index}`} className="rounded border border-slate-300 bg-white px-3 py-2">
            {t(KEYS[event.kind], { name: event.name ?? "un professionnel" })} — <time dateTime={event.when}>{formatDateTime(event.when)}</time>
          </li>
        ))}
      </ol>
      <PageLinks
        page={data.page}
        pages={data.hasMore ? data.page + 1 : data.page}
        hrefFor={(n) => `/espace/partage/historique?page=${n}`}
        labels={{ nav: t("sharing.historyPages"), previous: t("proPatients.previous"), next: t("proPatients.next"), pageOf: t("proPatients.pageOf", { page: data.page, pages: data.hasMore ? `${data.page + 1}+` : data.page }) }}
      />
      <p>
        <a href="/espace/partage" className="font-semibold">
          ← {t("sharing.previewBack")}
        </a>
      </p>
    </div>
  );
}
