import { formatDateTime } from "@/lib/documents/format";
import { t } from "@/lib/i18n/messages";
import type { Dispensation } from "@/server/prescriptions/prescription-model";
import { DataTable } from "@/components/data-table";
import { agreeWith } from "@/lib/i18n/plural";

/**
 * What was handed over: when, by which pharmacy (as it named itself), how much, and whether it was
 * only a part of a delivery. A whole one says nothing more, as the PDF: « (complète) » beside one
 * inhaler of three read as « the prescription is complete » (found walking the pharmacist's journey).
 */
export function DispensationsTable({ dispensations, headingLevel = 3 }: { dispensations: Dispensation[]; headingLevel?: 2 | 3 | 4 }) {
  const Heading = headingLevel === 2 ? "h2" : headingLevel === 3 ? "h3" : "h4";
  return (
    <div className="flex flex-col gap-2">
      <Heading className="font-semibold">{t("prescriptions.dispensationsTitle")}</Heading>
      {dispensations.length === 0 ? (
        <p className="text-slate-700">{t("prescriptions.noDispensation")}</p>
      ) : (
        <DataTable caption={t("prescriptions.dispensationsCaption")} columns={[t("prescriptions.colWhen"), t("prescriptions.colPharmacy"), t("prescriptions.colMedicine"), t("prescriptions.colHowMuch")]}>
          {dispensations.map((d) => (
            <tr key={d.id} className="border-t border-slate-200 *:px-4 *:py-2">
              <td>{d.when ? <time dateTime={d.when}>{formatDateTime(d.when)}</time> : "—"}</td>
              <td>{d.pharmacy ?? t("prescriptions.unknownPharmacy")}</td>
              <td>{d.medication}</td>
              <td>
                {d.quantity} {agreeWith(d.quantity, d.unit)}
                {d.partial ? ` (${t("prescriptions.partial")})` : null}
              </td>
            </tr>
          ))}
        </DataTable>
      )}
    </div>
  );
}
