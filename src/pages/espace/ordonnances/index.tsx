import { NotFoundView } from "@/components/not-found-view";
import { OutOfReachView } from "@/components/out-of-reach-view";
import { PageHeader } from "@/components/page-header";
import { Pager } from "@/components/pager";
import { PastPrescriptionItem } from "@/components/prescriptions/past-prescription-item";
import { PrescriptionSummary } from "@/components/prescriptions/prescription-summary";
import { pageOf } from "@/lib/page-of";
import { t } from "@/lib/i18n/messages";
import { readerNamed, tv } from "@/lib/i18n/voice";
import { reachesPart } from "@/server/delegations/space-parts";
import { spacePatientName } from "@/server/delegations/space-patient-name";
import { framedPage, type FramedProps } from "@/server/pages/framed-page";
import { queryPage } from "@/server/pages/query-page";
import { listPrescriptions } from "@/server/prescriptions/list-prescriptions";
import type { NamedPrescription } from "@/server/prescriptions/read-prescriptions";

/** Served without runtime JavaScript, as the documents page is (src/pages/espace/documents/index.tsx says why). */
export const config = { unstable_runtimeJS: false };

/** Past prescriptions shown a page at a time (`?passees=N`), newest first. */
const PAST_PER_PAGE = 20;

type Data = ListData | { outOfReach: "prescriptions" };

type ListData = {
  spaceName: string | null;
  active: NamedPrescription[];
  anyPast: boolean;
  past: { items: NamedPrescription[]; page: number; pageCount: number };
};

export const getServerSideProps = framedPage<Data>("patient", async ({ repo, actor }, { query }) => {
  // A caregiver whose delegation does not include the prescriptions: the page says so, not « Aucune ordonnance ».
  if (!(await reachesPart(repo, "prescriptions"))) return { title: t("sections.prescriptions.title"), data: { outOfReach: "prescriptions" } };
  const list = await listPrescriptions(repo);
  // Another person's space: their name, as its banner read it.
  const spaceName = actor.kind === "patient" ? null : ((await spacePatientName(repo, list.patientId)) ?? null);
  const past = pageOf(list.past, queryPage(query.passees) || 1, PAST_PER_PAGE);
  return {
    title: spaceName !== null ? t("prescriptions.spaceTitle", { name: spaceName }) : t("prescriptions.title"),
    // Only the page of past prescriptions shown goes into the props.
    data: { spaceName, active: list.active, anyPast: list.past.length > 0, past: { items: past.items, page: past.page, pageCount: past.pageCount } },
  };
});

const href = (id: string) => `/espace/ordonnances/${encodeURIComponent(id)}`;

/**
 * The prescriptions of the space the person acts in: active ones first, in full (medicines,
 * prescriber, validity, renewals left, what was dispensed), then past ones in short, twenty a
 * page, each linking to its full page. Read through the repository as this actor (a caregiver
 * without prescriptions:read is told the page is not theirs to see).
 */
export default function PrescriptionsPage({ data }: FramedProps<Data>) {
  if (!data) return <NotFoundView />;
  if ("outOfReach" in data) return <OutOfReachView title={t("sections.prescriptions.title")} part={data.outOfReach} />;
  return (
    <div className="flex flex-col gap-8">
      <PageHeader title={data.spaceName !== null ? t("prescriptions.spaceTitle", { name: data.spaceName }) : t("prescriptions.title")} description={tv("prescriptions.intro", readerNamed(data.spaceName))} />
      <section aria-labelledby="active-title" className="flex flex-col gap-4">
        <h2 id="active-title" className="text-xl font-semibold">
          {t("prescriptions.activeTitle")}
        </h2>
        {data.active.length === 0 ? <p className="text-slate-700">{t("prescriptions.noneActive")}</p> : null}
        {data.active.map((p) => (
          <PrescriptionSummary key={p.id} prescription={p} href={href(p.id)} />
        ))}
      </section>
      <section aria-labelledby="past-title" className="flex flex-col gap-4">
        <h2 id="past-title" className="text-xl font-semibold">
          {t("prescriptions.pastTitle")}
        </h2>
        {!data.anyPast ? <p className="text-slate-700">{t("prescriptions.nonePast")}</p> : null}
        {data.past.items.length > 0 ? (
          <ul className="flex flex-col gap-3">
            {data.past.items.map((p) => (
              <PastPrescriptionItem key={p.id} prescription={p} href={href(p.id)} />
            ))}
          </ul>
        ) : null}
        <Pager label={t("prescriptions.pastPagination")} page={data.past.page} pageCount={data.past.pageCount} hrefFor={(page) => `/espace/ordonnances?passees=${page}#past-title`} />
      </section>
    </div>
  );
}
