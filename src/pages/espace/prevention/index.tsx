import { Alert } from "@/components/alert";
import { Button } from "@/components/button";
import { NotFoundView } from "@/components/not-found-view";
import { OutOfReachNotice } from "@/components/out-of-reach-view";
import { PageHeader } from "@/components/page-header";
import { groupItems } from "@/server/prevention/group-items";
import { itemId } from "@/components/prevention/item-card";
import { ItemSection } from "@/components/prevention/item-section";
import { PreventionNoticeAlert } from "@/components/prevention/notice-alert";
import { SwitchSpaceForm } from "@/components/relatives/switch-space-form";
import { framedPage, type FramedProps } from "@/server/pages/framed-page";
import { doneTypedDayOfPage } from "@/server/prevention/done-typed";
import { preventionPageData, type PreventionPageData } from "@/server/prevention/prevention-page-data";
import type { PreventionItem } from "@/server/prevention/types";
import { t } from "@/lib/i18n/messages";
import { readerOf, tv } from "@/lib/i18n/voice";

/** Served without runtime JavaScript, as the documents page is (src/pages/espace/documents/index.tsx says why). */
export const config = { unstable_runtimeJS: false };

type Data = PreventionPageData & { typedDay: string | null };

export const getServerSideProps = framedPage<Data>("patient", async (scope, { req, query }) => {
  const data = await preventionPageData(scope, query.message, query.item);
  return { title: preventionTitle(data), data: { ...data, typedDay: data.refusedItem ? doneTypedDayOfPage(scope, req, data.refusedItem.item) : null } };
});

/** The page's title, and its heading: the person is named in another person's space. */
function preventionTitle(data: Pick<PreventionPageData, "self" | "name">): string {
  return data.self ? t("prevention.title") : t("prevention.titleOf", { name: data.name });
}

/**
 * The person's prevention calendar (issue 14): what to do now, soon, and what is up to date,
 * computed by the engine from the record of the space the session acts in (a guardian sees
 * their child's). Server-rendered forms: everything works without JavaScript.
 */
export default function PreventionPage({ frame, data }: FramedProps<Data>) {
  const reader = readerOf(frame.banner);
  if (!data) return <NotFoundView />;
  const groups = groupItems(data.items, data.date);
  const silenced = (item: PreventionItem) => data.preferences.all || data.preferences.themes.includes(item.theme);
  const list = (title: string, id: string, items: PreventionItem[], empty: string) => (
    <ItemSection title={title} id={id} items={items} empty={empty} today={data.date} canWrite={data.canWrite} reader={reader} silenced={silenced} dateRefused={data.refusedItem?.item} typedDay={data.typedDay ?? undefined} />
  );
  return (
    <div className="flex flex-col gap-8">
      <PageHeader
        title={preventionTitle(data)}
        description={t("prevention.intro")}
      >
        {/* « C'est fait » refused for its day: the notice names the item and leads to its date field,
            which is marked itself; an item whose form is not on the page gets the general refusal. */}
        {data.refusedItem ? (
          <Alert tone="error">
            <p>{t("prevention.item.doneDateRefused", { label: data.refusedItem.label })}</p>
            <a href={`#${itemId(data.refusedItem)}-date`} className="font-semibold underline underline-offset-4">
              {t("prevention.item.doneDateLink", { label: data.refusedItem.label })}
            </a>
          </Alert>
        ) : (
          <PreventionNoticeAlert notice={data.notice === "date-invalide" ? "invalide" : data.notice} />
        )}
        {data.recordOutOfReach ? (
          <>
            <OutOfReachNotice part="record" />
            <p className="max-w-prose">{t("prevention.recordOutOfReach")}</p>
          </>
        ) : data.items.length === 0 ? (
          <Alert tone="info">{t("prevention.noBirthDate")}</Alert>
        ) : null}
        <p className="flex flex-wrap gap-x-6 gap-y-2">
          <a href="/espace/prevention/carnet" className="font-semibold text-blue-800 underline underline-offset-4">
            {tv("preventionWords.carnetLink", reader)}
          </a>
          <a href="/espace/prevention/bilan" className="font-semibold text-blue-800 underline underline-offset-4">
            {tv("preventionWords.bilanLink", reader)}
          </a>
        </p>
      </PageHeader>

      {data.recordOutOfReach ? null : (
        <>
          {list(t("prevention.groups.now"), "now-title", groups.now, t("prevention.groups.nowEmpty"))}
          {list(t("prevention.groups.soon"), "soon-title", groups.soon, t("prevention.groups.soonEmpty"))}
          {list(t("prevention.groups.upToDate"), "done-title", groups.upToDate, t("prevention.groups.upToDateEmpty"))}

          <details className="rounded-lg border border-slate-300 bg-white p-4">
            <summary className="cursor-pointer font-semibold text-blue-800">{t("prevention.groups.rest", { count: groups.later.length + groups.notApplicable.length })}</summary>
            <ul className="mt-3 flex flex-col gap-2">
              {[...groups.later, ...groups.notApplicable].map((item) => (
                <li key={item.item}>
                  <span className="font-semibold">{item.label}</span> — {item.reason}
                </li>
              ))}
            </ul>
            {groups.beyond > 0 ? <p className="mt-3 text-slate-700">{t("prevention.groups.restAhead")}</p> : null}
          </details>
        </>
      )}

      {/* The choice is a Consent of the record: a caregiver who may not manage the sharing settings
          can neither read it nor make it, so the page says nothing of it rather than guess. */}
      {data.mayChooseReminders ? (
        <section aria-labelledby="reminders-title" className="flex flex-col gap-3">
          <h2 id="reminders-title" className="text-xl font-semibold">
            {t("prevention.reminders.title")}
          </h2>
          <p className="max-w-prose text-slate-700">
            {data.recordOutOfReach
              ? t(data.preferences.all ? "preventionWords.remindersOffNoCalendar" : "preventionWords.remindersOnNoCalendar", { person: reader.person })
              : frame.banner?.kind === "guardian" && !data.preferences.all
                ? t("preventionWords.remindersOnGuardian", { person: reader.person })
                : tv(data.preferences.all ? "preventionWords.remindersOff" : "preventionWords.remindersOn", reader)}
          </p>
          <form method="post" action="/espace/prevention/rappels">
            <input type="hidden" name="theme" value="all" />
            <input type="hidden" name="action" value={data.preferences.all ? "restore" : "silence"} />
            <Button type="submit" variant="secondary">
              {t(data.preferences.all ? "prevention.reminders.restoreAll" : "prevention.reminders.silenceAll")}
            </Button>
          </form>
        </section>
      ) : null}

      {data.children.length > 0 ? (
        <section aria-labelledby="children-title" className="flex flex-col gap-3">
          <h2 id="children-title" className="text-xl font-semibold">
            {t("prevention.children.title")}
          </h2>
          <ul className="flex flex-col gap-2">
            {data.children.map((space) => (
              <li key={space.patientId}>
                {/* Under « Le calendrier de vos enfants »: to the child's calendar, not his space's home page. */}
                <SwitchSpaceForm patientId={space.patientId} suite="prevention" className="flex flex-wrap items-center gap-3">
                  <span id={`child-${space.patientId}`}>{space.name}</span>
                  <Button type="submit" variant="secondary" aria-describedby={`child-${space.patientId}`}>
                    {t("prevention.children.open")}
                  </Button>
                </SwitchSpaceForm>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
