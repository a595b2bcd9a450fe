import type { GrowthMeasure } from "./growth-reference";

/**
 * The four growth measures of the carnet de santé, as FHIR vital signs (the R4 vital-signs
 * profile's LOINC codes and UCUM units), with the plausible bounds a form accepts. Bounds are
 * wide on purpose (a premature newborn to a tall adult): the reference curves then refuse a
 * value that is impossible for the child's age (lms.ts, IMPLAUSIBLE_Z).
 */
export type MeasureInfo = {
  loinc: string;
  display: string;
  /** How the page names it. */
  label: string;
  unit: { code: string; display: string };
  min: number;
  max: number;
  /** Decimals shown. */
  decimals: number;
};

export const MEASURES: Record<GrowthMeasure, MeasureInfo> = {
  weight: { loinc: "29463-7", display: "Body weight", label: "Poids", unit: { code: "kg", display: "kg" }, min: 0.3, max: 250, decimals: 2 },
  height: { loinc: "8302-2", display: "Body height", label: "Taille", unit: { code: "cm", display: "cm" }, min: 20, max: 250, decimals: 1 },
  ofc: { loinc: "9843-4", display: "Head Occipital-frontal circumference", label: "Périmètre crânien", unit: { code: "cm", display: "cm" }, min: 15, max: 75, decimals: 1 },
  bmi: { loinc: "39156-5", display: "Body mass index (BMI) [Ratio]", label: "Indice de masse corporelle (IMC)", unit: { code: "kg/m2", display: "kg/m2" }, min: 5, max: 100, decimals: 1 },
};

export const GROWTH_MEASURES = ["weight", "height", "ofc", "bmi"] as const satisfies readonly GrowthMeasure[];

export const GROWTH_LOINC_CODES = GROWTH_MEASURES.map((measure) => MEASURES[measure].loinc);

export function measureOfLoinc(code: string | undefined): GrowthMeasure | undefined {
  return GROWTH_MEASURES.find((measure) => MEASURES[measure].loinc === code);
}

/** BMI = weight (kg) / height (m)², rounded to one decimal as the carnet writes it. */
export function bodyMassIndex(weightKg: number, heightCm: number): number {
  const metres = heightCm / 100;
  return Math.round((weightKg / (metres * metres)) * 10) / 10;
}

/** Decimal age in years between two Paris days ("AAAA-MM-JJ"), in days / 365.25 as the references count. */
export function ageInYears(birthDay: string, day: string): number {
  const ms = Date.UTC(...ymd(day)) - Date.UTC(...ymd(birthDay));
  return ms / 86_400_000 / 365.25;
}

function ymd(day: string): [number, number, number] {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  return [y, m - 1, d];
}
