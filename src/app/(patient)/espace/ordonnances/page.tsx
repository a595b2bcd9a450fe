import type { Metadata } from "next";
import { PageHeader } from "@/components/page-header";
import { Pager } from "@/components/pager";
import { PastPrescriptionItem } from "@/components/prescriptions/past-prescription-item";
import { PrescriptionSummary } from "@/components/prescriptions/prescription-summary";
import { pageOf } from "@/lib/page-of";
import { t } from "@/lib/i18n/messages";
import { spacePatientName } from "@/server/delegations/space-patient-name";
import { requirePageScope } from "@/server/documents/request-repository";
import { listPrescriptions } from "@/server/prescriptions/list-prescriptions";

export const metadata: Metadata = { title: t("prescriptions.title") };

/** Past prescriptions shown a page at a time (`?passees=N`), newest first. */
const PAST_PER_PAGE = 20;

/**
 * The prescriptions of the space the person acts in: active ones first, in full (medicines,
 * prescriber, validity, renewals left, what was dispensed), then past ones in short, twenty a
 * page, each linking to its full page. Read through the repository as this actor (a caregiver
 * without prescriptions:read sees none).
 */
export default async function PrescriptionsPage({ searchParams }: { searchParams: Promise<{ passees?: string | string[] }> }) {
  const { repo, actor } = await requirePageScope();
  const list = await listPrescriptions(repo);
  const past = pageOf(list.past, Number((await searchParams).passees) || 1, PAST_PER_PAGE);
  // Another person's space: their name, as its banner (the layout) read it.
  const spaceName = actor.kind === "patient" ? undefined : await spacePatientName(repo, list.patientId);
  const href = (id: string) => `/espace/ordonnances/${encodeURIComponent(id)}`;
  return (
    <div className="flex flex-col gap-8">
      <PageHeader title={spaceName !== undefined ? t("prescriptions.spaceTitle", { name: spaceName }) : t("prescriptions.title")} description={t("prescriptions.intro")} />
      <section aria-labelledby="active-title" className="flex flex-col gap-4">
        <h2 id="active-title" className="text-xl font-semibold">
          {t("prescriptions.activeTitle")}
        </h2>
        {list.active.length === 0 ? <p className="text-slate-700">{t("prescriptions.noneActive")}</p> : null}
        {list.active.map((p) => (
          <PrescriptionSummary key={p.id} prescription={p} href={href(p.id)} />
        ))}
      </section>
      <section aria-labelledby="past-title" className="flex flex-col gap-4">
        <h2 id="past-title" className="text-xl font-semibold">
          {t("prescriptions.pastTitle")}
        </h2>
        {list.past.length === 0 ? <p className="text-slate-700">{t("prescriptions.nonePast")}</p> : null}
        {past.items.length > 0 ? (
          <ul className="flex flex-col gap-3">
            {past.items.map((p) => (
              <PastPrescriptionItem key={p.id} prescription={p} href={href(p.id)} />
            ))}
          </ul>
        ) : null}
        <Pager label={t("prescriptions.pastPagination")} page={past.page} pageCount={past.pageCount} hrefFor={(page) => `/espace/ordonnances?passees=${page}#past-title`} />
      </section>
    </div>
  );
}
