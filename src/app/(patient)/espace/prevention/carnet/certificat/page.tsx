import type { Metadata } from "next";
import { formatHumanName } from "@/lib/fhir/human-name";
import { PageHeader } from "@/components/page-header";
import { VaccinationTable } from "@/components/prevention/vaccination-table";
import { spaceOf } from "@/server/access/actor";
import { requirePageScope } from "@/server/documents/request-repository";
import { todayInParis } from "@/server/prevention/days";
import { frDay } from "@/server/prevention/evaluators/context";
import { loadPreventionRecord } from "@/server/prevention/load-prevention-record";

export const metadata: Metadata = { title: "Certificat de vaccination" };

/** A printable list of the person's vaccinations (the browser's Print turns it into paper or PDF). */
export default async function VaccinationCertificatePage() {
  const { actor, repo } = await requirePageScope();
  const patientId = spaceOf(actor);
  if (!patientId) throw new Error("Aucun espace patient");
  const record = await loadPreventionRecord(repo, patientId);
  const name = formatHumanName(record.patient.name) ?? "";
  const birth = record.patient.birthDate;
  return (
    <article className="flex flex-col gap-6">
      <PageHeader title="Certificat de vaccination" description="Relevé des vaccinations enregistrées dans Espace santé. Pour l'imprimer ou l'enregistrer en PDF, utilisez la fonction Imprimer de votre navigateur." />
      <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1">
        <dt className="font-semibold">Nom</dt>
        <dd>{name}</dd>
        <dt className="font-semibold">Date de naissance</dt>
        <dd>{birth && /^\d{4}-\d{2}-\d{2}$/.test(birth) ? frDay(birth) : (birth ?? "Inconnue")}</dd>
        <dt className="font-semibold">Édité le</dt>
        <dd>{frDay(todayInParis(repo.now()))}</dd>
      </dl>
      <VaccinationTable immunizations={record.immunizations} caption="Vaccinations" />
      <p className="text-sm text-slate-700">
        Les vaccinations « déclarées » ont été saisies par la personne ou son représentant ; les autres ont été enregistrées par un professionnel de santé. Ce relevé ne remplace pas un certificat signé par un médecin.
      </p>
    </article>
  );
}
