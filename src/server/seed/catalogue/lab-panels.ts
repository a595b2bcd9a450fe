import type { PdfSection, PdfTable } from "@/server/documents/render-pdf";

/**
 * Laboratory analytes as a French lab prints them: label, unit, reference range, decimals.
 * Values outside the range are starred, as on a real report.
 */
type Analyte = { label: string; unit: string; low?: number; high?: number; decimals: number; range?: string };

export const ANALYTES = {
  rbc: { label: "Hématies", unit: "T/L", low: 3.8, high: 5.9, decimals: 2 },
  hb: { label: "Hémoglobine", unit: "g/dL", low: 12, high: 17, decimals: 1 },
  hct: { label: "Hématocrite", unit: "%", low: 36, high: 50, decimals: 1 },
  mcv: { label: "VGM", unit: "fL", low: 80, high: 100, decimals: 0 },
  wbc: { label: "Leucocytes", unit: "G/L", low: 4, high: 10, decimals: 2 },
  neutro: { label: "Polynucléaires neutrophiles", unit: "G/L", low: 1.8, high: 7.5, decimals: 2 },
  eosino: { label: "Polynucléaires éosinophiles", unit: "G/L", high: 0.5, decimals: 2, range: "< 0,50" },
  lympho: { label: "Lymphocytes", unit: "G/L", low: 1, high: 4, decimals: 2 },
  platelets: { label: "Plaquettes", unit: "G/L", low: 150, high: 400, decimals: 0 },
  glucose: { label: "Glycémie à jeun", unit: "g/L", low: 0.7, high: 1.1, decimals: 2 },
  hba1c: { label: "Hémoglobine glyquée (HbA1c)", unit: "%", low: 4, high: 6, decimals: 1 },
  chol: { label: "Cholestérol total", unit: "g/L", high: 2, decimals: 2, range: "< 2,00" },
  hdl: { label: "Cholestérol HDL", unit: "g/L", low: 0.4, decimals: 2, range: "> 0,40" },
  ldl: { label: "Cholestérol LDL calculé", unit: "g/L", high: 1.6, decimals: 2, range: "< 1,60 (selon le risque)" },
  tg: { label: "Triglycérides", unit: "g/L", high: 1.5, decimals: 2, range: "< 1,50" },
  creat: { label: "Créatinine", unit: "mg/L", low: 5.7, high: 11.8, decimals: 1 },
  egfr: { label: "DFG estimé (CKD-EPI)", unit: "mL/min/1,73 m²", low: 90, decimals: 0, range: "> 90" },
  na: { label: "Sodium", unit: "mmol/L", low: 136, high: 145, decimals: 0 },
  k: { label: "Potassium", unit: "mmol/L", low: 3.5, high: 5.1, decimals: 1 },
  acr: { label: "Rapport albumine/créatinine urinaire", unit: "mg/mmol", high: 3, decimals: 1, range: "< 3,0" },
  alt: { label: "ALAT", unit: "UI/L", high: 35, decimals: 0, range: "< 35" },
  ast: { label: "ASAT", unit: "UI/L", high: 35, decimals: 0, range: "< 35" },
  ggt: { label: "Gamma-GT", unit: "UI/L", high: 55, decimals: 0, range: "< 55" },
  tsh: { label: "TSH", unit: "mUI/L", low: 0.27, high: 4.2, decimals: 2 },
  ferritin: { label: "Ferritine", unit: "µg/L", low: 15, high: 150, decimals: 0 },
  vitd: { label: "25-OH vitamine D", unit: "ng/mL", low: 30, high: 100, decimals: 0 },
  ige: { label: "IgE totales", unit: "kUI/L", high: 100, decimals: 0, range: "< 100" },
  crp: { label: "Protéine C réactive (CRP)", unit: "mg/L", high: 5, decimals: 1, range: "< 5,0" },
  psa: { label: "PSA total", unit: "ng/mL", high: 4, decimals: 2, range: "< 4,00" },
} as const satisfies Record<string, Analyte>;

export type AnalyteKey = keyof typeof ANALYTES;

const number = (value: number, decimals: number) =>
  value.toLocaleString("fr-FR", { minimumFractionDigits: decimals, maximumFractionDigits: decimals, useGrouping: false });

function rangeText(analyte: Analyte): string {
  if (analyte.range) return analyte.range;
  if (analyte.low !== undefined && analyte.high !== undefined) {
    return `${number(analyte.low, analyte.decimals)} - ${number(analyte.high, analyte.decimals)}`;
  }
  return "";
}

const outOfRange = (analyte: Analyte, value: number) =>
  (analyte.low !== undefined && value < analyte.low) || (analyte.high !== undefined && value > analyte.high);

/** A results table; `previous` adds the prior value column ("antériorité") labs print. */
export function labTable(values: Partial<Record<AnalyteKey, number>>, previous?: { date: string; values: Partial<Record<AnalyteKey, number>> }): PdfTable {
  const columns = [
    { label: "Analyse", width: 3.2 },
    { label: "Résultat", width: 1.1, align: "right" as const },
    { label: "Unité", width: 1.4 },
    { label: "Valeurs de référence", width: 1.9 },
  ];
  if (previous) columns.push({ label: `Antériorité (${previous.date})`, width: 1.4, align: "right" as const });
  const rows = (Object.entries(values) as [AnalyteKey, number][]).map(([key, value]) => {
    const analyte: Analyte = ANALYTES[key];
    const row = [analyte.label, `${number(value, analyte.decimals)}${outOfRange(analyte, value) ? " *" : ""}`, analyte.unit, rangeText(analyte)];
    if (previous) {
      const before = previous.values[key];
      row.push(before === undefined ? "-" : number(before, analyte.decimals));
    }
    return row;
  });
  return { columns, rows };
}

/** Sections of a lab report: one table per panel, a note on starred values, the biologist's comment. */
export function labReport(input: {
  sample: string;
  panels: { heading: string; values: Partial<Record<AnalyteKey, number>>; previous?: { date: string; values: Partial<Record<AnalyteKey, number>> } }[];
  comment: string;
  prescriber?: string;
}): PdfSection[] {
  const starred = input.panels.some((panel) =>
    (Object.entries(panel.values) as [AnalyteKey, number][]).some(([key, value]) => outOfRange(ANALYTES[key], value)),
  );
  return [
    {
      heading: "Renseignements",
      paragraphs: [
        `Prélèvement : ${input.sample}.${input.prescriber ? ` Prescripteur : ${input.prescriber}.` : ""} Les résultats ont été validés par le biologiste responsable.`,
      ],
    },
    ...input.panels.map((panel) => ({ heading: panel.heading, table: labTable(panel.values, panel.previous) })),
    {
      heading: "Commentaire du biologiste",
      paragraphs: [input.comment, ...(starred ? ["* Valeur en dehors des valeurs de référence du laboratoire."] : [])],
    },
  ];
}

/** Serologies and qualitative results: a two-column table. */
export function qualitativeTable(rows: [string, string, string][]): PdfTable {
  return {
    columns: [
      { label: "Analyse", width: 3.4 },
      { label: "Résultat", width: 2.2 },
      { label: "Technique", width: 2.4 },
    ],
    rows: rows.map((row) => [...row]),
  };
}
