import type { Metadata } from "next";
import { PageHeader } from "@/components/page-header";
import { PrescriptionSummary } from "@/components/prescriptions/prescription-summary";
import { t } from "@/lib/i18n/messages";
import { patientIdentity } from "@/server/documents/patient-identity";
import { requirePageScope } from "@/server/documents/request-repository";
import { listPrescriptions } from "@/server/prescriptions/list-prescriptions";

export const metadata: Metadata = { title: t("prescriptions.title") };

/**
 * The prescriptions of the space the person acts in: active ones first, then past ones, each
 * with its medicines, prescriber, validity, renewals left and what was dispensed. Read through
 * the repository as this actor (a caregiver without prescriptions:read sees none).
 */
export default async function PrescriptionsPage() {
  const { repo, actor } = await requirePageScope();
  const list = await listPrescriptions(repo);
  const identity = actor.kind === "patient" ? undefined : await patientIdentity(repo, list.patientId);
  const href = (id: string) => `/espace/ordonnances/${encodeURIComponent(id)}`;
  return (
    <div className="flex flex-col gap-8">
      <PageHeader title={identity ? t("prescriptions.spaceTitle", { name: identity.name }) : t("prescriptions.title")} description={t("prescriptions.intro")} />
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
        {list.past.map((p) => (
          <PrescriptionSummary key={p.id} prescription={p} href={href(p.id)} />
        ))}
      </section>
    </div>
  );
}
