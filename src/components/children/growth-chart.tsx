import { t, tn } from "@/lib/i18n/messages";
import { MEASURES } from "@/server/children/growth-measures";
import { formatCentile, formatValue, formatYears } from "@/server/children/growth-format";
import type { GrowthPoint } from "@/server/children/growth-points";
import { GROWTH_REFERENCE_NAME, lmsAt, referenceAges, referenceSpan, type GrowthMeasure, type Sex } from "@/server/children/growth-reference";
import { CENTILE_LINES, valueAtZ } from "@/server/children/lms";

/**
 * One growth chart, drawn on the server as SVG (no chart library, nothing to run in the
 * browser): the reference centile curves for the child's sex and the child's measures as dots.
 * The SVG is an image with a title and a description; the same data is in the table beside it
 * (GrowthTable), which is what a screen reader reads.
 */
const W = 640;
const H = 360;
const PAD = { left: 52, right: 44, top: 14, bottom: 42 };

type Props = { measure: GrowthMeasure; sex: Sex; points: readonly GrowthPoint[]; currentAge: number; id: string };

export function GrowthChart({ measure, sex, points, currentAge, id }: Props) {
  const info = MEASURES[measure];
  const span = referenceSpan(measure, sex);
  const ages = points.map((p) => p.ageYears);
  const lowAge = Math.min(currentAge, ...ages);
  const highAge = Math.max(currentAge, ...ages);
  const from = Math.max(span.from, Math.floor(lowAge) - 2);
  const to = Math.min(span.to, Math.max(from + 4, Math.ceil(highAge) + 2));
  const sampleAges = [from, ...referenceAges(measure, sex, from, to).filter((a) => a > from && a < to), to];
  const curves = CENTILE_LINES.map((line) => ({
    ...line,
    path: sampleAges.flatMap((age) => {
      const lms = lmsAt(measure, sex, age);
      return lms ? [{ age, value: valueAtZ(line.z, lms) }] : [];
    }),
  }));
  const shown = points.filter((p) => p.ageYears >= from && p.ageYears <= to);
  const values = [...curves.flatMap((c) => c.path.map((p) => p.value)), ...shown.map((p) => p.value)];
  const [yMin, yMax] = niceRange(Math.min(...values), Math.max(...values));
  const x = (age: number) => PAD.left + ((age - from) / (to - from)) * (W - PAD.left - PAD.right);
  const y = (value: number) => H - PAD.bottom - ((value - yMin) / (yMax - yMin)) * (H - PAD.top - PAD.bottom);
  const yStep = niceStep((yMax - yMin) / 6);
  const yTicks = range(Math.ceil(yMin / yStep) * yStep, yMax, yStep);
  const xStep = to - from > 10 ? 2 : 1;
  const xTicks = range(Math.ceil(from), to, xStep);
  const last = shown[shown.length - 1];
  const description = [
    t("growth.chart.description", { reference: GROWTH_REFERENCE_NAME, sex: t(`growth.chart.sex.${sex}`), from: formatYears(from), to: formatYears(to) }),
    last
      ? tn("growth.chart.measures", shown.length, { value: formatValue(last.value, info.decimals), unit: info.unit.display, age: last.ageText, centile: formatCentile(last.centile) })
      : t("growth.chart.none"),
  ].join(" ");

  return (
    <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby={`${id}-title ${id}-desc`} className="h-auto w-full max-w-3xl rounded border border-slate-300 bg-white">
      <title id={`${id}-title`}>{t("growth.chart.title", { measure: info.label })}</title>
      <desc id={`${id}-desc`}>{description}</desc>
      <g aria-hidden="true">
        {yTicks.map((tick) => (
          <g key={`y${tick}`}>
            <line x1={PAD.left} x2={W - PAD.right} y1={y(tick)} y2={y(tick)} stroke="#e2e8f0" />
            <text x={PAD.left - 6} y={y(tick) + 4} textAnchor="end" fontSize="12" fill="#334155">
              {formatValue(tick, 1)}
            </text>
          </g>
        ))}
        {xTicks.map((tick) => (
          <g key={`x${tick}`}>
            <line x1={x(tick)} x2={x(tick)} y1={PAD.top} y2={H - PAD.bottom} stroke="#e2e8f0" />
            <text x={x(tick)} y={H - PAD.bottom + 16} textAnchor="middle" fontSize="12" fill="#334155">
              {tick}
            </text>
          </g>
        ))}
        <text x={(PAD.left + W - PAD.right) / 2} y={H - 6} textAnchor="middle" fontSize="12" fill="#1e293b">
          {t("growth.chart.ageAxis")}
        </text>
        <text x={12} y={PAD.top + 4} fontSize="12" fill="#1e293b">
          {info.unit.display}
        </text>
        {curves.map((curve) => (
          <g key={curve.centile}>
            <polyline
              points={curve.path.map((p) => `${x(p.age).toFixed(1)},${y(p.value).toFixed(1)}`).join(" ")}
              fill="none"
              stroke={curve.centile === 50 ? "#334155" : "#64748b"}
              strokeWidth={curve.centile === 50 ? 2 : 1}
              strokeDasharray={curve.centile === 3 || curve.centile === 97 ? "5 4" : undefined}
            />
            {curve.path.length > 0 ? (
              <text x={W - PAD.right + 4} y={y(curve.path[curve.path.length - 1]!.value) + 4} fontSize="11" fill="#334155">
                {`P${curve.centile}`}
              </text>
            ) : null}
          </g>
        ))}
        {shown.length > 1 ? (
          <polyline points={shown.map((p) => `${x(p.ageYears).toFixed(1)},${y(p.value).toFixed(1)}`).join(" ")} fill="none" stroke="#1d4ed8" strokeWidth={2} />
        ) : null}
        {shown.map((p) => (
          <circle key={p.id} cx={x(p.ageYears)} cy={y(p.value)} r={4.5} fill="#1d4ed8" stroke="#ffffff" strokeWidth={1.5} />
        ))}
      </g>
    </svg>
  );
}

function niceStep(raw: number): number {
  const power = Math.pow(10, Math.floor(Math.log10(raw)));
  const unit = raw / power;
  return (unit <= 1 ? 1 : unit <= 2 ? 2 : unit <= 5 ? 5 : 10) * power;
}

function niceRange(min: number, max: number): [number, number] {
  const pad = (max - min || 1) * 0.05;
  return [Math.max(0, min - pad), max + pad];
}

function range(start: number, end: number, step: number): number[] {
  const out: number[] = [];
  for (let v = start; v <= end + 1e-9; v += step) out.push(Math.round(v * 1000) / 1000);
  return out;
}
