import { DispensationsTable } from "@/components/prescriptions/dispensations-table";
import { PrescriptionFacts } from "@/components/prescriptions/prescription-facts";
import { PrescriptionLines } from "@/components/prescriptions/prescription-lines";
import { formatDay } from "@/lib/documents/format";
import { grammaticalSex } from "@/lib/fhir/grammatical-sex";
import { t } from "@/lib/i18n/messages";
import type { SharedPrescriptionView } from "@/server/prescriptions/view-shared-prescription";
import { DispenseForm } from "./dispense-form";

/** What the link shows: the patient's name and birth date, the prescription, what was dispensed, the form. */
export function SharedPrescription({ linkId, view }: { linkId: string; view: SharedPrescriptionView }) {
  return (
    <div className="flex flex-col gap-6">
      <section aria-labelledby="patient-title" className="rounded-lg border border-slate-300 bg-white p-4">
        <h2 id="patient-title" className="text-lg font-semibold">
          {t("pharmacist.patient")}
        </h2>
        <p className="text-lg" data-testid="patient-name">
          {view.patient.name}
        </p>
        {view.patient.birthDate ? <p>{t(`pharmacist.bornOn.${grammaticalSex(view.patient.gender)}`, { date: formatDay(view.patient.birthDate) })}</p> : null}
      </section>
      <PrescriptionFacts prescription={view.prescription} />
      <PrescriptionLines lines={view.prescription.lines} captionId="lignes" />
      <DispensationsTable dispensations={view.prescription.dispensations} headingLevel={2} />
      <DispenseForm linkId={linkId} view={view} />
    </div>
  );
}
