import { formatDay } from "@/lib/documents/format";
import { t } from "@/lib/i18n/messages";
import type { NamedPrescription } from "@/server/prescriptions/read-prescriptions";
import { lastDispensation } from "@/server/prescriptions/prescription-model";
import { StateBadge, prescriptionTitle } from "./prescription-facts";

/**
 * A past prescription in the list, in three lines: its date (a link to its page), its state,
 * the prescriber and the medicines' names, and the last pharmacy that dispensed it. The whole
 * prescription (doses, quantities, every dispensation) is on its page: with every past
 * prescription in full, a patient with thirty of them got a 190 kB page that cost three times
 * the documents page to render (issue 16).
 */
export function PastPrescriptionItem({ prescription, href }: { prescription: NamedPrescription; href: string }) {
  const last = lastDispensation(prescription.dispensations);
  const medicines = [...new Set(prescription.lines.map((line) => line.medication))].join(", ");
  return (
    <li className="flex flex-col gap-1 rounded-lg border border-slate-300 bg-white px-4 py-3">
      <p className="flex flex-wrap items-center gap-3">
        <a href={href} className="font-semibold">
          {prescriptionTitle(prescription)}
        </a>
        <StateBadge state={prescription.state} />
      </p>
      <p className="text-slate-700">
        {prescription.prescriber ?? t("prescriptions.unknownPrescriber")}
        {medicines ? ` — ${medicines}` : ""}
      </p>
      {last ? (
        <p className="text-sm text-slate-700">
          {t("prescriptions.lastDispensation", { pharmacy: last.pharmacy ?? t("prescriptions.unknownPharmacy"), date: formatDay(last.when) })}
        </p>
      ) : null}
    </li>
  );
}
