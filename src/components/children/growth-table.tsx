import { DataTable } from "@/components/data-table";
import { formatCentile, formatDay, formatValue } from "@/server/children/growth-format";
import { MEASURES } from "@/server/children/growth-measures";
import type { GrowthPoint } from "@/server/children/growth-points";
import type { GrowthMeasure } from "@/server/children/growth-reference";

/** The measures of one chart as a table: the chart's data for screen readers, and for everyone who prefers numbers. */
export function GrowthTable({ measure, points }: { measure: GrowthMeasure; points: readonly GrowthPoint[] }) {
  const info = MEASURES[measure];
  if (points.length === 0) return <p>Aucune mesure enregistrée.</p>;
  return (
    <DataTable caption={`${info.label} : mesures, de la plus ancienne à la plus récente`} columns={["Date", "Âge", `${info.label} (${info.unit.display})`, "Centile", "Saisie par"]}>
      {points.map((point) => (
        <tr key={point.id} className="border-t border-slate-200">
          <td className="px-4 py-2">{formatDay(point.day)}</td>
          <td className="px-4 py-2">{point.ageText}</td>
          <td className="px-4 py-2">{formatValue(point.value, info.decimals)}</td>
          <td className="px-4 py-2">{formatCentile(point.centile)}</td>
          <td className="px-4 py-2">{point.byProfessional ? "un professionnel de santé" : "la famille"}</td>
        </tr>
      ))}
    </DataTable>
  );
}
