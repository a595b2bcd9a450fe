import { t } from "@/lib/i18n/messages";
import { DataTable } from "@/components/data-table";
import type { PrescriptionLine } from "@/server/prescriptions/prescription-model";
import { agreeWith } from "@/lib/i18n/plural";
import { formatDay } from "@/lib/documents/format";

/** The medicines of a prescription: dose and instructions, quantity, renewals left, what was dispensed. */
export function PrescriptionLines({ lines, captionId }: { lines: PrescriptionLine[]; captionId: string }) {
  const columns = [t("prescriptions.colMedicine"), t("prescriptions.colDosage"), t("prescriptions.colQuantity"), t("prescriptions.colRenewals"), t("prescriptions.colDispensed")];
  return (
    <DataTable caption={t("prescriptions.linesCaption")} columns={columns} captionId={captionId}>
      {lines.map((line) => (
        <tr key={line.requestId} className="border-t border-slate-200 align-top *:px-4 *:py-2">
          <th scope="row" className="font-semibold">
            {line.medication}
            {line.startsOn ? <span className="block text-sm font-normal text-slate-700">{t("prescriptions.lineStartsOn", { date: formatDay(line.startsOn) })}</span> : null}
            {line.endedOn ? <span className="block text-sm font-normal text-slate-700">{t("prescriptions.lineEndedOn", { date: formatDay(line.endedOn) })}</span> : null}
          </th>
          <td>{line.dosage.length > 0 ? line.dosage.join(" ; ") : t("prescriptions.noDosage")}</td>
          <td>{t("prescriptions.perFill", { quantity: line.quantityPerFill, unit: agreeWith(line.quantityPerFill, line.unit) })}</td>
          <td>{line.renewalsLeft}</td>
          <td>{t("prescriptions.dispensedOf", { done: line.dispensedQuantity, total: line.totalQuantity, unit: agreeWith(line.totalQuantity, line.unit) })}</td>
        </tr>
      ))}
    </DataTable>
  );
}
