import type { Metadata } from "next";
import Link from "next/link";
import { Alert } from "@/components/alert";
import { Button } from "@/components/button";
import { PageHeader } from "@/components/page-header";
import { NOTICES } from "@/components/prevention/texts";
import { VaccinationTable } from "@/components/prevention/vaccination-table";
import { NOTICE_CODES, type PreventionNotice } from "@/lib/prevention/forms";
import { spaceOf } from "@/server/access/actor";
import { requirePageScope } from "@/server/documents/request-repository";
import { todayInParis } from "@/server/prevention/days";
import { loadPreventionRecord } from "@/server/prevention/load-prevention-record";
import { VACCINE_PRODUCTS } from "@/server/prevention/vaccine-products";

export const metadata: Metadata = { title: "Carnet de vaccination" };

/** The vaccination record: every Immunization the actor may see, and a form to add one (declared). */
export default async function VaccinationRecordPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { actor, repo } = await requirePageScope();
  const patientId = spaceOf(actor);
  if (!patientId) throw new Error("Aucun espace patient");
  const record = await loadPreventionRecord(repo, patientId);
  const today = todayInParis(repo.now());
  const message = (await searchParams).message;
  const notice = typeof message === "string" && (NOTICE_CODES as readonly string[]).includes(message) ? NOTICES[message as PreventionNotice] : undefined;
  const canWrite = actor.kind === "patient" || actor.kind === "guardian";
  return (
    <div className="flex flex-col gap-8">
      <PageHeader title="Carnet de vaccination" description="Toutes les vaccinations enregistrées dans le dossier, par un professionnel ou déclarées.">
        {notice ? <Alert tone={notice.tone}>{notice.text}</Alert> : null}
        <p className="flex flex-wrap gap-4">
          <Link href="/espace/prevention" className="font-semibold text-blue-800 underline underline-offset-4">
            Retour à la prévention
          </Link>
          <Link href="/espace/prevention/carnet/certificat" className="font-semibold text-blue-800 underline underline-offset-4">
            Certificat imprimable
          </Link>
          {actor.kind === "guardian" ? (
            <Link href="/espace/carnet-enfant" className="font-semibold text-blue-800 underline underline-offset-4">
              Croissance et certificats de santé
            </Link>
          ) : null}
        </p>
      </PageHeader>
      <VaccinationTable immunizations={record.immunizations} caption="Vaccinations enregistrées, de la plus récente à la plus ancienne" />
      {canWrite ? (
        <section aria-labelledby="add-title" className="flex flex-col gap-3">
          <h2 id="add-title" className="text-xl font-semibold">
            Ajouter une vaccination
          </h2>
          <form method="post" action="/espace/prevention/carnet/ajouter" className="flex max-w-xl flex-col gap-3">
            <label htmlFor="product" className="font-semibold">
              Vaccin
            </label>
            <select id="product" name="product" required className="rounded border border-slate-500 px-2 py-1">
              {VACCINE_PRODUCTS.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name} — {p.disease}
                </option>
              ))}
            </select>
            <label htmlFor="date" className="font-semibold">
              Date de la vaccination
            </label>
            <input id="date" type="date" name="date" required max={today} defaultValue={today} className="rounded border border-slate-500 px-2 py-1" />
            <label htmlFor="lot" className="font-semibold">
              Numéro de lot (facultatif)
            </label>
            <input id="lot" type="text" name="lot" maxLength={40} className="rounded border border-slate-500 px-2 py-1" />
            <div>
              <Button type="submit">Ajouter au carnet</Button>
            </div>
          </form>
        </section>
      ) : null}
    </div>
  );
}
