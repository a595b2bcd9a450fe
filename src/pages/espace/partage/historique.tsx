import { NotFoundView } from "@/components/not-found-view";
import { OutOfReachView } from "@/components/out-of-reach-view";
import { PageHeader } from "@/components/page-header";
import { PageLinks } from "@/components/page-links";
import { formatDateTime } from "@/lib/documents/format";
import { t } from "@/lib/i18n/messages";
import { readerOf, tv } from "@/lib/i18n/voice";
import { choiceLine } from "@/components/sharing/choice-line";
import { reachesPart } from "@/server/delegations/space-parts";
import { spaceReader } from "@/server/delegations/space-reader";
import { framedPage, NOT_FOUND, type FramedProps } from "@/server/pages/framed-page";
import { orUndefined } from "@/server/pages/or-undefined";
import { choiceHistory, type ChoiceEvent } from "@/server/privacy/choice-history";

/** Served without runtime JavaScript, as the documents page is (src/pages/espace/documents/index.tsx says why). */
export const config = { unstable_runtimeJS: false };

type Data = { events: (ChoiceEvent & { name?: string })[]; hasMore: boolean; page: number } | { outOfReach: "privacy" };

export const getServerSideProps = framedPage<Data>("patient", async (scope, { query }) => {
  const { repo } = scope;
  // A caregiver whose delegation does not include managing sharing: the page says so, as the
  // sharing page does, and reads nothing.
  if (!(await reachesPart(repo, "privacy"))) return { title: tv("sharing.historyTitle", await spaceReader(scope)), data: { outOfReach: "privacy" } };
  const raw = Number(query.page);
  const page = Number.isInteger(raw) && raw >= 1 && raw <= 10_000 ? raw : 1;
  // Anyone else who may not read the choices: the same « not found » as a page that does not exist.
  const [history, reader] = await Promise.all([orUndefined(choiceHistory(repo, page)), spaceReader(scope)]);
  return history ? { title: tv("sharing.historyPageTitle", reader), data: { events: history.events, hasMore: history.hasMore, page } } : NOT_FOUND;
});

/**
 * "Vous avez autorisé Dr Petit le 3 mars, retiré le 5 mai": every change of the sharing choices,
 * newest first, each said from who made it (choice-line.ts): the patient reads which of them
 * her caregiver made, by name. To someone acting for the patient the page is about her
 * (« Historique des choix de partage de Camille Martin »): the choices are hers, whoever made them.
 */
export default function ChoiceHistoryPage({ frame, data }: FramedProps<Data>) {
  const reader = readerOf(frame.banner);
  if (!data) return <NotFoundView />;
  if ("outOfReach" in data) return <OutOfReachView title={tv("sharing.historyTitle", reader)} part={data.outOfReach} />;
  return (
    <div className="flex flex-col gap-6">
      <PageHeader title={tv("sharing.historyTitle", reader)} />
      {data.events.length === 0 ? <p>{t("sharing.historyNone")}</p> : null}
      <ol className="flex flex-col gap-2">
        {data.events.map((event, index) => (
          <li key={`${event.when}-${index}`} className="rounded border border-slate-300 bg-white px-3 py-2">
            {choiceLine(event.kind, event.by, event.name ?? "un professionnel")} — <time dateTime={event.when}>{formatDateTime(event.when)}</time>
          </li>
        ))}
      </ol>
      <PageLinks
        page={data.page}
        pages={data.hasMore ? data.page + 1 : data.page}
        hrefFor={(n) => `/espace/partage/historique?page=${n}`}
        labels={{ nav: tv("sharing.historyPages", reader), previous: t("proPatients.previous"), next: t("proPatients.next"), pageOf: t("proPatients.pageOf", { page: data.page, pages: data.hasMore ? `${data.page + 1}+` : data.page }) }}
      />
      <p>
        <a href="/espace/partage" className="font-semibold">
          ← {t("sharing.previewBack")}
        </a>
      </p>
    </div>
  );
}
