import type { Observation, Patient } from "@medplum/fhirtypes";
import { formatAgeOn } from "./growth-format";
import { ageInYears, GROWTH_MEASURES, measureOfLoinc } from "./growth-measures";
import { lmsAt, type GrowthMeasure, type Sex } from "./growth-reference";
import { centileOfZ, zScore } from "./lms";

/**
 * A person's growth measures as points on the reference curves: age, value, and where the value
 * falls (z-score and centile) when the reference covers that sex and age. Pure.
 */
export type GrowthPoint = {
  id: string;
  day: string;
  ageYears: number;
  /** The age as the carnet writes it ("10 ans 2 mois"). */
  ageText: string;
  value: number;
  z?: number;
  centile?: number;
  /** Who recorded it: a professional or the person's side (a guardian, the patient). */
  byProfessional: boolean;
};

export type GrowthSeries = Record<GrowthMeasure, GrowthPoint[]>;

export function sexOf(patient: Patient): Sex | undefined {
  return patient.gender === "male" || patient.gender === "female" ? patient.gender : undefined;
}

export function growthSeries(patient: Patient, observations: readonly Observation[]): GrowthSeries {
  const series: GrowthSeries = { weight: [], height: [], ofc: [], bmi: [] };
  const sex = sexOf(patient);
  for (const observation of observations) {
    const measure = measureOfLoinc(observation.code?.coding?.find((c) => c.system === "http://loinc.org")?.code);
    const value = observation.valueQuantity?.value;
    const day = (observation.effectiveDateTime ?? "").slice(0, 10);
    if (!measure || typeof value !== "number" || !/^\d{4}-\d{2}-\d{2}$/.test(day) || !patient.birthDate || !observation.id) continue;
    if (observation.status === "entered-in-error" || observation.status === "cancelled") continue;
    const birthDay = patient.birthDate.slice(0, 10);
    const ageYears = ageInYears(birthDay, day);
    if (ageYears < 0) continue;
    const lms = sex ? lmsAt(measure, sex, ageYears) : undefined;
    const z = lms ? zScore(value, lms) : undefined;
    series[measure].push({
      id: observation.id,
      day,
      ageYears,
      ageText: formatAgeOn(birthDay, day),
      value,
      ...(z !== undefined ? { z, centile: centileOfZ(z) } : {}),
      byProfessional: (observation.performer ?? []).some((p) => p.reference?.startsWith("Practitioner/")),
    });
  }
  for (const measure of GROWTH_MEASURES) series[measure].sort((a, b) => a.day.localeCompare(b.day) || a.id.localeCompare(b.id));
  return series;
}
