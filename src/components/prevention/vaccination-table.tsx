import type { Immunization } from "@medplum/fhirtypes";
import { useId } from "react";
import { t } from "@/lib/i18n/messages";
import { TableScrollRegion } from "@/components/table-scroll-region";
import { vaccinationRows } from "@/server/prevention/vaccination-rows";

/**
 * Every vaccination of the record, newest first: the carnet and the printable certificate share
 * it. Its five columns are wider than a phone: the table scrolls in its own box, not the page.
 */
export function VaccinationTable({ immunizations, caption }: { immunizations: readonly Immunization[]; caption: string }) {
  const captionId = useId();
  const rows = vaccinationRows(immunizations);
  if (rows.length === 0) return <p className="text-slate-700">{t("prevention.table.empty")}</p>;
  return (
    <TableScrollRegion captionId={captionId}>
      <table className="w-full border-collapse text-left">
        <caption id={captionId} className="mb-2 text-left font-semibold">{caption}</caption>
        <thead>
          <tr className="border-b border-slate-400">
            <th scope="col" className="py-2 pr-4">{t("prevention.table.date")}</th>
            <th scope="col" className="py-2 pr-4">{t("prevention.table.vaccine")}</th>
            <th scope="col" className="py-2 pr-4">{t("prevention.table.dose")}</th>
            <th scope="col" className="py-2 pr-4">{t("prevention.table.lot")}</th>
            <th scope="col" className="py-2">{t("prevention.table.origin")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id} className="border-b border-slate-200">
              <td className="py-2 pr-4">{row.day}</td>
              <td className="py-2 pr-4">{row.vaccine}</td>
              <td className="py-2 pr-4">{row.dose}</td>
              <td className="py-2 pr-4">{row.lot}</td>
              <td className="py-2">{row.origin}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScrollRegion>
  );
}
