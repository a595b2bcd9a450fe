import { DataTable } from "@/components/data-table";
import { t } from "@/lib/i18n/messages";
import { formatCentile, formatDay, formatValue } from "@/server/children/growth-format";
import { MEASURES } from "@/server/children/growth-measures";
import type { GrowthPoint } from "@/server/children/growth-points";
import type { GrowthMeasure } from "@/server/children/growth-reference";

/** The measures of one chart as a table: the chart's data for screen readers, and for everyone who prefers numbers. */
export function GrowthTable({ measure, points }: { measure: GrowthMeasure; points: readonly GrowthPoint[] }) {
  const info = MEASURES[measure];
  if (points.length === 0) return <p>{t("growth.table.empty")}</p>;
  return (
    <DataTable
      caption={t("growth.table.caption", { measure: info.label })}
      columns={[t("growth.table.date"), t("growth.table.age"), t("growth.table.value", { measure: info.label, unit: info.unit.display }), t("growth.table.centile"), t("growth.table.enteredBy")]}
    >
      {points.map((point) => (
        <tr key={point.id} className="border-t border-slate-200">
          <td className="px-4 py-2">{formatDay(point.day)}</td>
          <td className="px-4 py-2">{point.ageText}</td>
          <td className="px-4 py-2">{formatValue(point.value, info.decimals)}</td>
          <td className="px-4 py-2">{formatCentile(point.centile)}</td>
          <td className="px-4 py-2">{point.byProfessional ? t("growth.table.byProfessional") : t("growth.table.byFamily")}</td>
        </tr>
      ))}
    </DataTable>
  );
}
